namespace Pagecall.OpenApi.Generator.Tests.Infrastructure;

/// <summary>Small specs written inline so each test shows the exact input it feeds the generator.</summary>
internal static class InlineSpecs
{
    /// <summary>The path inline specs get; diagnostics must point at it.</summary>
    public const string SpecPath = "/project/specs/inline.yaml";

    /// <summary>The client name inline specs are generated under.</summary>
    public const string ClientName = "Inline.Api.InlineClient";

    /// <summary>A valid spec with two schemas, an enum and two operations, for caching and round-trip tests.</summary>
    public const string TwoSchemas = """
        openapi: 3.0.3
        info:
          title: Inline
          version: 1.0.0
        paths:
          /widgets:
            get:
              operationId: listWidgets
              responses:
                '200':
                  description: The widgets.
                  content:
                    application/json:
                      schema:
                        type: array
                        items:
                          $ref: '#/components/schemas/Widget'
          /gadgets/{id}:
            get:
              operationId: getGadget
              parameters:
                - name: id
                  in: path
                  required: true
                  schema:
                    type: string
              responses:
                '200':
                  description: The gadget.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Gadget'
        components:
          schemas:
            Widget:
              type: object
              description: A widget.
              required: [id]
              properties:
                id:
                  type: string
                size:
                  type: integer
                  format: int32
            Gadget:
              type: object
              description: A gadget.
              properties:
                name:
                  type: string
                color:
                  $ref: '#/components/schemas/Color'
            Color:
              type: string
              description: A color.
              enum: [red, green]
        """;

    /// <summary>Wraps a spec text as an opted-in spec file at <see cref="SpecPath"/>.</summary>
    public static SpecFile File(string text, string? clientName = ClientName) => new(SpecPath, text, clientName);
}
