using Microsoft.CodeAnalysis.CSharp;
using Pagecall.OpenApi.Generator.Tests.Infrastructure;

namespace Pagecall.OpenApi.Generator.Tests;

/// <summary>
/// Runs the generated records: ToString of the Pagecall User and of a spec that marks credentials in every
/// supported way, value equality over properties, lists, maps, JSON values and AdditionalData, and <c>with</c>.
/// </summary>
public sealed class ModelRecordTests
{
    private const string AccessToken = "tok-7f3a9c-do-not-print";

    /// <summary>Reads Pagecall users and user pages from JSON; each returned line is one observed fact.</summary>
    private const string PagecallProbe = """
        namespace Consumer;

        /// <summary>Exercises the generated Pagecall records.</summary>
        public static class PagecallRecordProbe
        {
            private const string UserJson = "{\"user_id\":\"mentor-ashley\",\"access_token\":\"tok-7f3a9c-do-not-print\",\"name\":\"Ashley\",\"metadata\":{\"grade\":7,\"tags\":[\"a\",\"b\"]},\"plan\":\"plan-gold-42\"}";
            private const string ReorderedJson = "{\"plan\":\"plan-gold-42\",\"metadata\":{\"tags\":[\"a\",\"b\"],\"grade\":7.0},\"name\":\"Ashley\",\"access_token\":\"tok-7f3a9c-do-not-print\",\"user_id\":\"mentor-ashley\"}";
            private const string OtherPlanJson = "{\"user_id\":\"mentor-ashley\",\"access_token\":\"tok-7f3a9c-do-not-print\",\"name\":\"Ashley\",\"metadata\":{\"grade\":7,\"tags\":[\"a\",\"b\"]},\"plan\":\"plan-basic\"}";
            private const string OtherMetadataJson = "{\"user_id\":\"mentor-ashley\",\"access_token\":\"tok-7f3a9c-do-not-print\",\"name\":\"Ashley\",\"metadata\":{\"grade\":8,\"tags\":[\"a\",\"b\"]},\"plan\":\"plan-gold-42\"}";
            private const string PageJson = "{\"users\":[{\"user_id\":\"a\",\"name\":\"Ann\"},{\"user_id\":\"b\",\"name\":\"Bo\"}],\"paging\":{\"offset\":0,\"limit\":10,\"total\":2}}";
            private const string OtherItemPageJson = "{\"users\":[{\"user_id\":\"a\",\"name\":\"Ann\"},{\"user_id\":\"b\",\"name\":\"Bob\"}],\"paging\":{\"offset\":0,\"limit\":10,\"total\":2}}";
            private const string ShorterPageJson = "{\"users\":[{\"user_id\":\"a\",\"name\":\"Ann\"}],\"paging\":{\"offset\":0,\"limit\":10,\"total\":2}}";

            /// <summary>Returns one "name=value" line per fact.</summary>
            public static string[] Run()
            {
                var user = global::Pagecall.Api.User.FromJson(UserJson);
                var same = global::Pagecall.Api.User.FromJson(UserJson);
                var reordered = global::Pagecall.Api.User.FromJson(ReorderedJson);
                var page = global::Pagecall.Api.UserListResponse.FromJson(PageJson);
                var samePage = global::Pagecall.Api.UserListResponse.FromJson(PageJson);
                var renamed = user with { Name = "Ash" };
                var set = new global::System.Collections.Generic.HashSet<global::Pagecall.Api.User> { user, same };
                var withoutToken = new global::Pagecall.Api.User { UserId = "u-1" };
                return
                [
                    "text=" + user,
                    "textWithoutToken=" + withoutToken,
                    "pageText=" + page,
                    "equal=" + user.Equals(same),
                    "operator=" + (user == same),
                    "hashEqual=" + (user.GetHashCode() == same.GetHashCode()),
                    "setCount=" + set.Count,
                    "reorderedEqual=" + user.Equals(reordered),
                    "reorderedHashEqual=" + (user.GetHashCode() == reordered.GetHashCode()),
                    "otherPlanEqual=" + user.Equals(global::Pagecall.Api.User.FromJson(OtherPlanJson)),
                    "otherMetadataEqual=" + user.Equals(global::Pagecall.Api.User.FromJson(OtherMetadataJson)),
                    "pageEqual=" + page.Equals(samePage),
                    "pageHashEqual=" + (page.GetHashCode() == samePage.GetHashCode()),
                    "otherItemPageEqual=" + page.Equals(global::Pagecall.Api.UserListResponse.FromJson(OtherItemPageJson)),
                    "shorterPageEqual=" + page.Equals(global::Pagecall.Api.UserListResponse.FromJson(ShorterPageJson)),
                    "withName=" + renamed.Name,
                    "withOriginalName=" + user.Name,
                    "withEqual=" + renamed.Equals(user),
                    "withBackEqual=" + (renamed with { Name = "Ashley" }).Equals(user),
                    "withToken=" + (renamed.AccessToken == user.AccessToken),
                ];
            }
        }
        """;

    /// <summary>A model with a property marked each way, and values a test can look for in the output.</summary>
    private const string MarkerSpec = """
        openapi: 3.0.3
        info:
          title: Markers
          version: 1.0.0
        paths: {}
        components:
          schemas:
            Pin:
              type: string
              format: password
            Owner:
              type: object
              properties:
                name: {type: string}
                token: {type: string}
            Code:
              oneOf:
                - {type: string}
                - {type: object, properties: {value: {type: string}}}
            Account:
              type: object
              required: [pin_count]
              properties:
                label: {type: string}
                pin: {type: string, format: password}
                recovery_code: {type: string, writeOnly: true}
                signature: {type: string, x-sensitive: true}
                pin_ref: {$ref: '#/components/schemas/Pin'}
                pin_count: {type: integer, writeOnly: true}
                missing_signature: {type: string, nullable: true, x-sensitive: true}
                session_token: {type: string}
                client_secret: {type: string}
                old_password: {type: string}
                x_api_key: {type: string}
                apiKey: {type: string}
                tags: {type: array, items: {type: string}}
                scores: {type: object, additionalProperties: {type: string}}
                payload: {}
                amount: {}
                owner: {$ref: '#/components/schemas/Owner'}
                code: {$ref: '#/components/schemas/Code'}
        """;

    private const string MarkerProbe = """
        namespace Consumer;

        /// <summary>Prints generated Markers records.</summary>
        public static class MarkerProbe
        {
            /// <summary>Returns the ToString text of the Account and of its Code union.</summary>
            public static string[] Run(string json)
            {
                var account = global::Inline.Api.Account.FromJson(json);
                return [account.ToString(), account.Code!.ToString()];
            }
        }
        """;

    private const string MarkerJson = """
        {"label": "visible-label", "pin": "v-pin", "recovery_code": "v-recovery", "signature": "v-signature",
         "pin_ref": "v-pin-ref", "pin_count": 4711, "missing_signature": null, "session_token": "v-session",
         "client_secret": "v-client", "old_password": "v-old", "x_api_key": "v-x-api", "apiKey": "v-api",
         "tags": ["v-tag-1", "v-tag-2"], "scores": {"k": "v-score"}, "payload": {"secret": "v-payload"},
         "amount": 12.5, "owner": {"name": "visible-owner", "token": "v-owner-token"},
         "code": {"value": "v-code"}, "extra": "v-extra"}
        """;

    /// <summary>A model whose JSON value property lets the tests compare JSON values.</summary>
    private const string JsonValueSpec = """
        openapi: 3.0.3
        info:
          title: Values
          version: 1.0.0
        paths: {}
        components:
          schemas:
            Doc:
              type: object
              properties:
                payload: {}
        """;

    private const string JsonValueProbe = """
        namespace Consumer;

        /// <summary>Compares generated Doc records.</summary>
        public static class JsonValueProbe
        {
            /// <summary>Returns "equal,hashEqual,reverseEqual" for each pair of payloads.</summary>
            public static string[] Compare(string[] lefts, string[] rights)
            {
                var results = new string[lefts.Length];
                for (var i = 0; i < lefts.Length; i++)
                {
                    var left = global::Inline.Api.Doc.FromJson("{\"payload\": " + lefts[i] + "}");
                    var right = global::Inline.Api.Doc.FromJson("{\"payload\": " + rights[i] + "}");
                    results[i] = left.Equals(right) + "," + (left.GetHashCode() == right.GetHashCode())
                        + "," + right.Equals(left);
                }

                return results;
            }
        }
        """;

    // Each row: left payload, right payload, and whether JsonElement.DeepEquals calls them equal.
    private static readonly (string Left, string Right, bool Equal)[] JsonPairs =
    [
        ("1", "1.0", true),
        ("100", "1e2", true),
        ("1.5", "15e-1", true),
        ("0.0", "0", true),
        ("1", "2", false),
        ("12345678901234567890123", "1.2345678901234567890123e22", true),
        ("1e400", "10e399", true),
        ("""{"a": 1, "b": 2}""", """{"b": 2, "a": 1}""", true),
        ("\"\\u0041\"", "\"A\"", true),
        ("[1, 2]", "[2, 1]", false),
        ("""{"a": 1, "a": 2}""", """{"a": 2, "a": 1}""", false),
        ("""{"a": 1, "a": 2, "b": 3}""", """{"a": 1, "b": 3, "a": 2}""", true),
        ("""{"a": {"b": [1, {"c": null}]}}""", """{"a": {"b": [1, {"c": null}]}}""", true),
        ("""{"a": 1}""", """{"a": 1, "b": 1}""", false),
        ("""{"a": 1}""", """{"A": 1}""", false),
        ("true", "\"true\"", false),
        ("null", "{}", false),
    ];

    /// <summary>A model and a union that are marked sensitive as a whole, not through one property.</summary>
    private const string SensitiveTypeSpec = """
        openapi: 3.0.3
        info:
          title: Whole
          version: 1.0.0
        paths: {}
        components:
          schemas:
            Credential:
              type: object
              x-sensitive: true
              properties:
                value: {type: string}
                hint: {type: string}
            Passcode:
              oneOf:
                - {type: string, format: password}
                - {type: integer}
            Login:
              type: object
              properties:
                name: {type: string}
                credential: {$ref: '#/components/schemas/Credential'}
        """;

    private const string SensitiveTypeProbe = """
        namespace Consumer;

        /// <summary>Prints generated Whole records.</summary>
        public static class SensitiveTypeProbe
        {
            /// <summary>Returns the ToString text of a Credential, a Passcode, a Login and a null Passcode.</summary>
            public static string[] Run()
            {
                var credential = global::Inline.Api.Credential.FromJson("{\"value\":\"v-credential\",\"hint\":\"v-hint\",\"x\":1}");
                var passcode = new global::Inline.Api.Passcode(global::System.Text.Json.JsonDocument.Parse("\"v-passcode\"").RootElement.Clone());
                var login = global::Inline.Api.Login.FromJson("{\"name\":\"ann\",\"credential\":{\"value\":\"v-credential\"}}");
                var empty = new global::Inline.Api.Passcode(global::System.Text.Json.JsonDocument.Parse("null").RootElement.Clone());
                return [credential.ToString(), passcode.ToString(), login.ToString(), empty.ToString()];
            }
        }
        """;

    private const string SurrogateSpec = """
        openapi: 3.0.3
        info:
          title: Surrogates
          version: 1.0.0
        paths: {}
        components:
          schemas:
            Tagged:
              type: object
              properties:
                name: {type: string}
                tags: {type: object, additionalProperties: {type: string}}
        """;

    private const string SurrogateProbe = """
        namespace Consumer;

        /// <summary>Reads a generated Tagged record.</summary>
        public static class SurrogateProbe
        {
            /// <summary>Returns the full name of the exception type that FromJson throws, or "none".</summary>
            public static string Run(string json)
            {
                try
                {
                    global::Inline.Api.Tagged.FromJson(json);
                    return "none";
                }
                catch (global::System.Exception exception)
                {
                    return exception.GetType().FullName!;
                }
            }
        }
        """;

    /// <summary>A model whose properties are the model itself and a list of it.</summary>
    private const string RecursiveSpec = """
        openapi: 3.0.3
        info:
          title: Trees
          version: 1.0.0
        paths: {}
        components:
          schemas:
            Node:
              type: object
              properties:
                node: {$ref: '#/components/schemas/Node'}
                children: {type: array, items: {$ref: '#/components/schemas/Node'}}
                secret: {type: string, x-sensitive: true}
        """;

    private const string RecursiveProbe = """
        namespace Consumer;

        /// <summary>Compares and prints generated Node records.</summary>
        public static class RecursiveProbe
        {
            private const string Json = "{\"node\":{\"children\":[],\"secret\":\"v-inner\"},\"children\":[{\"children\":[{}]}]}";
            private const string OtherJson = "{\"node\":{\"children\":[],\"secret\":\"v-inner\"},\"children\":[{\"children\":[{\"secret\":\"x\"}]}]}";

            /// <summary>Returns equal, hashEqual, otherEqual and the text of the first node.</summary>
            public static string[] Run()
            {
                var left = global::Inline.Api.Node.FromJson(Json);
                var right = global::Inline.Api.Node.FromJson(Json);
                var other = global::Inline.Api.Node.FromJson(OtherJson);
                return
                [
                    left.Equals(right).ToString(),
                    (left.GetHashCode() == right.GetHashCode()).ToString(),
                    left.Equals(other).ToString(),
                    left.ToString(),
                ];
            }
        }
        """;

    private static readonly Lazy<Dictionary<string, string>> s_pagecallFacts = new(RunPagecallProbe);

    [Fact]
    public void UserToStringRedactsAccessToken()
    {
        var text = Fact("text");

        Assert.StartsWith("User { ", text, StringComparison.Ordinal);
        Assert.Contains("UserId = mentor-ashley", text, StringComparison.Ordinal);
        Assert.Contains("Name = Ashley", text, StringComparison.Ordinal);
        Assert.Contains("AccessToken = [redacted]", text, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessToken, text, StringComparison.Ordinal);
    }

    [Fact]
    public void UserToStringPrintsMapCounts()
    {
        var text = Fact("text");

        Assert.Contains("Metadata = { Count = 2 }", text, StringComparison.Ordinal);
        Assert.Contains("AdditionalData = { Count = 1 }", text, StringComparison.Ordinal);
        Assert.DoesNotContain("plan-gold-42", text, StringComparison.Ordinal);
        Assert.DoesNotContain("grade", text, StringComparison.Ordinal);
    }

    [Fact]
    public void NullTokenPrintsNull()
    {
        Assert.Contains("AccessToken = null", Fact("textWithoutToken"), StringComparison.Ordinal);
    }

    [Fact]
    public void ListPrintsCountOnly()
    {
        var text = Fact("pageText");

        Assert.Contains("Users = { Count = 2 }", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ann", text, StringComparison.Ordinal);
    }

    [Fact]
    public void UsersFromSameJsonAreEqual()
    {
        Assert.Equal("True", Fact("equal"));
        Assert.Equal("True", Fact("operator"));
        Assert.Equal("True", Fact("hashEqual"));
        Assert.Equal("1", Fact("setCount"));
    }

    [Fact]
    public void PropertyOrderAndNumberFormIgnored()
    {
        // The reordered JSON also writes the metadata grade as 7.0 in place of 7.
        Assert.Equal("True", Fact("reorderedEqual"));
        Assert.Equal("True", Fact("reorderedHashEqual"));
    }

    [Fact]
    public void ChangedAdditionalDataValueDiffers()
    {
        Assert.Equal("False", Fact("otherPlanEqual"));
    }

    [Fact]
    public void ChangedMapValueDiffers()
    {
        Assert.Equal("False", Fact("otherMetadataEqual"));
    }

    [Fact]
    public void ListsCompareItemByItem()
    {
        Assert.Equal("True", Fact("pageEqual"));
        Assert.Equal("True", Fact("pageHashEqual"));
        Assert.Equal("False", Fact("otherItemPageEqual"));
        Assert.Equal("False", Fact("shorterPageEqual"));
    }

    [Fact]
    public void WithCopiesAndChangesOneProperty()
    {
        Assert.Equal("Ash", Fact("withName"));
        Assert.Equal("Ashley", Fact("withOriginalName"));
        Assert.Equal("False", Fact("withEqual"));
        Assert.Equal("True", Fact("withBackEqual"));
        Assert.Equal("True", Fact("withToken"));
    }

    [Theory]
    [InlineData("Pin", "v-pin")]
    [InlineData("RecoveryCode", "v-recovery")]
    [InlineData("Signature", "v-signature")]
    [InlineData("PinRef", "v-pin-ref")]
    [InlineData("PinCount", "4711")]
    [InlineData("SessionToken", "v-session")]
    [InlineData("ClientSecret", "v-client")]
    [InlineData("OldPassword", "v-old")]
    [InlineData("XApiKey", "v-x-api")]
    [InlineData("ApiKey", "v-api")]
    public void MarkedPropertyIsRedacted(string property, string value)
    {
        var text = RunMarkerProbe()[0];

        Assert.Contains(property + " = [redacted]", text, StringComparison.Ordinal);
        Assert.DoesNotContain(value, text, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkedNullPropertyPrintsNull()
    {
        Assert.Contains("MissingSignature = null", RunMarkerProbe()[0], StringComparison.Ordinal);
    }

    [Fact]
    public void UnmarkedValuesArePrinted()
    {
        var text = RunMarkerProbe()[0];

        Assert.Contains("Label = visible-label", text, StringComparison.Ordinal);
        Assert.Contains("Amount = 12.5", text, StringComparison.Ordinal);
        Assert.Contains("Owner = Owner { Name = visible-owner, Token = [redacted]", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tags = { Count = 2 }", "v-tag-1")]
    [InlineData("Scores = { Count = 1 }", "v-score")]
    [InlineData("Payload = { Count = 1 }", "v-payload")]
    [InlineData("Code = Code { Json = { Count = 1 } }", "v-code")]
    [InlineData("AdditionalData = { Count = 1 }", "v-extra")]
    [InlineData("Token = [redacted]", "v-owner-token")]
    public void ContainersPrintCountOnly(string expected, string hiddenValue)
    {
        var text = RunMarkerProbe()[0];

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain(hiddenValue, text, StringComparison.Ordinal);
    }

    [Fact]
    public void UnionToStringHidesObject()
    {
        var text = RunMarkerProbe()[1];

        Assert.Equal("Code { Json = { Count = 1 } }", text);
    }

    [Fact]
    public void JsonValuesCompareByContent()
    {
        var results = CompareJsonPairs(GeneratorHarness.ParseOptions);

        for (var i = 0; i < JsonPairs.Length; i++)
        {
            var (left, right, equal) = JsonPairs[i];
            var parts = results[i].Split(',');
            Assert.True(equal.ToString() == parts[0], $"Equals of {left} and {right}: expected {equal}, got {parts[0]}.");
            Assert.True(parts[0] == parts[2], $"Equals of {left} and {right} depends on the argument order.");
            if (equal)
            {
                Assert.True(parts[1] == "True", $"{left} and {right} are equal but their hash codes differ.");
            }
        }
    }

    [Fact]
    public void DeepEqualsPathAgreesWithFallback()
    {
        // Without NET9_0_OR_GREATER the helper compares the JSON itself. With it, JsonElement.DeepEquals compares.
        var fallback = CompareJsonPairs(GeneratorHarness.ParseOptions);
        var deepEquals = CompareJsonPairs(GeneratorHarness.ParseOptions.WithPreprocessorSymbols("NET9_0_OR_GREATER"));

        for (var i = 0; i < JsonPairs.Length; i++)
        {
            Assert.True(fallback[i] == deepEquals[i],
                $"{JsonPairs[i].Left} and {JsonPairs[i].Right}: fallback {fallback[i]}, DeepEquals {deepEquals[i]}.");
        }
    }

    [Fact]
    public void NegativeZeroMatchesDeepEquals()
    {
        var fallback = CompareJsonPayloads(GeneratorHarness.ParseOptions, ["-0", "-0.0"], ["0", "0e5"]);
        var deepEquals = CompareJsonPayloads(
            GeneratorHarness.ParseOptions.WithPreprocessorSymbols("NET9_0_OR_GREATER"), ["-0", "-0.0"], ["0", "0e5"]);

        Assert.Equal(deepEquals, fallback);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void HugeExponentHashAgreesWithEquals(bool deepEquals)
    {
        var options = deepEquals
            ? GeneratorHarness.ParseOptions.WithPreprocessorSymbols("NET9_0_OR_GREATER")
            : GeneratorHarness.ParseOptions;
        string[] lefts = ["0", "-0", "0.0e-99999999999", "1e2147483648", "0.1e2147483649"];
        string[] rights = ["0e99999999999", "0E+99999999999", "0", "10e2147483647", "1e2147483648"];

        var results = CompareJsonPayloads(options, lefts, rights);

        for (var i = 0; i < lefts.Length; i++)
        {
            var parts = results[i].Split(',');
            Assert.True(parts[0] == parts[2], $"Equals of {lefts[i]} and {rights[i]} depends on the argument order.");
            if (parts[0] == "True")
            {
                Assert.True(parts[1] == "True", $"{lefts[i]} and {rights[i]} are equal but their hash codes differ.");
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LoneSurrogateStringCompares(bool deepEquals)
    {
        var options = deepEquals
            ? GeneratorHarness.ParseOptions.WithPreprocessorSymbols("NET9_0_OR_GREATER")
            : GeneratorHarness.ParseOptions;
        string[] lefts = ["\"\\ud800\"", "\"\\ud800\"", "{\"\\udc00\": 1}"];
        string[] rights = ["\"\\ud800\"", "\"\\ud801\"", "{\"\\udc00\": 1}"];

        var results = CompareJsonPayloads(options, lefts, rights);

        Assert.Equal("True,True,True", results[0]);
        Assert.Equal("False", results[1].Split(',')[0]);
        Assert.Equal("True,True,True", results[2]);
    }

    [Theory]
    [InlineData("{\"name\": \"\\ud800\"}")]
    [InlineData("{\"\\udc00\": 1}")]
    [InlineData("{\"tags\": {\"\\ud800\": \"a\"}}")]
    public void LoneSurrogateReadIsJsonException(string json)
    {
        var result = GeneratorHarness.Run(
            [InlineSpecs.File(SurrogateSpec)], TestCompilation.Create(extraSources: [SurrogateProbe]));
        result.AssertCompilesCleanly();

        var outcome = (string)InMemoryAssembly.Invoke(result.OutputCompilation, "Consumer.SurrogateProbe", "Run", json)!;

        // FromJson documents JsonException for JSON that does not fit, and callers catch only that.
        Assert.Equal("System.Text.Json.JsonException", outcome);
    }

    [Fact]
    public void RecursiveRecordsCompareAndPrint()
    {
        var result = GeneratorHarness.Run(
            [InlineSpecs.File(RecursiveSpec)], TestCompilation.Create(extraSources: [RecursiveProbe]));
        result.AssertCompilesCleanly();

        var facts = (string[])InMemoryAssembly.Invoke(result.OutputCompilation, "Consumer.RecursiveProbe", "Run")!;

        Assert.Equal("True", facts[0]);
        Assert.Equal("True", facts[1]);
        Assert.Equal("False", facts[2]);
        Assert.Equal("Node { NodeValue = Node { NodeValue = null, Children = { Count = 0 }, Secret = [redacted], "
            + "AdditionalData = { Count = 0 } }, Children = { Count = 1 }, Secret = null, AdditionalData = { Count = 0 } }", facts[3]);
    }

    [Fact]
    public void SensitiveTypePrintsNoValue()
    {
        var result = GeneratorHarness.Run(
            [InlineSpecs.File(SensitiveTypeSpec)], TestCompilation.Create(extraSources: [SensitiveTypeProbe]));
        result.AssertCompilesCleanly();

        var texts = (string[])InMemoryAssembly.Invoke(result.OutputCompilation, "Consumer.SensitiveTypeProbe", "Run")!;

        Assert.Equal("Credential { Value = [redacted], Hint = [redacted], AdditionalData = { Count = 1 } }", texts[0]);
        Assert.Equal("Passcode { Json = [redacted] }", texts[1]);
        Assert.Equal("Login { Name = ann, Credential = [redacted], AdditionalData = { Count = 0 } }", texts[2]);
        Assert.Equal("Passcode { Json = null }", texts[3]);
    }

    [Fact]
    public void RecordMemberNamesGetSuffix()
    {
        var result = GeneratorHarness.Run(InlineSpecs.File("""
            openapi: 3.0.3
            info:
              title: Names
              version: 1.0.0
            paths: {}
            components:
              schemas:
                Clone:
                  type: object
                  properties:
                    clone: {type: string}
                    print_members: {type: string}
                    equality_contract: {type: string}
                    other: {type: string}
                    builder: {type: string}
                    hash: {type: string}
            """));

        result.AssertCompilesCleanly();
        var type = result.OutputCompilation.GetTypeByMetadataName("Inline.Api.Clone");
        Assert.NotNull(type);
        Assert.True(type.IsRecord);
        Assert.Single(type.GetMembers("CloneValue"));
        Assert.Single(type.GetMembers("PrintMembersValue"));
        Assert.Single(type.GetMembers("EqualityContractValue"));
        Assert.Single(type.GetMembers("Other"));
    }

    private static string Fact(string name) => s_pagecallFacts.Value[name];

    private static Dictionary<string, string> RunPagecallProbe()
    {
        var result = GeneratorHarness.Run(
            [SpecFile.Load(RepositoryPaths.PagecallSpec, SpecRuns.PagecallClientName)],
            TestCompilation.Create(extraSources: [PagecallProbe]));
        result.AssertCompilesCleanly();
        var facts = (string[])InMemoryAssembly.Invoke(result.OutputCompilation, "Consumer.PagecallRecordProbe", "Run")!;
        return facts.Select(fact => fact.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
    }

    private static string[] RunMarkerProbe()
    {
        var result = GeneratorHarness.Run(
            [InlineSpecs.File(MarkerSpec)], TestCompilation.Create(extraSources: [MarkerProbe]));
        result.AssertCompilesCleanly();
        return (string[])InMemoryAssembly.Invoke(result.OutputCompilation, "Consumer.MarkerProbe", "Run", MarkerJson)!;
    }

    private static string[] CompareJsonPairs(CSharpParseOptions parseOptions) => CompareJsonPayloads(
        parseOptions, [.. JsonPairs.Select(pair => pair.Left)], [.. JsonPairs.Select(pair => pair.Right)]);

    private static string[] CompareJsonPayloads(CSharpParseOptions parseOptions, string[] lefts, string[] rights)
    {
        var result = GeneratorHarness.Run(
            [InlineSpecs.File(JsonValueSpec)], TestCompilation.Create(extraSources: [JsonValueProbe]), parseOptions);
        result.AssertCompilesCleanly();
        return (string[])InMemoryAssembly.Invoke(
            result.OutputCompilation, "Consumer.JsonValueProbe", "Compare", lefts, rights)!;
    }
}
