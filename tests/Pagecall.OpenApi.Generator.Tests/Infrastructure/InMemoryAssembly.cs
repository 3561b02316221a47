using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace Pagecall.OpenApi.Generator.Tests.Infrastructure;

/// <summary>
/// Emits a compilation to memory, loads it into a collectible load context and calls one static method, so a test
/// can run generated code for a spec it wrote inline.
/// </summary>
internal static class InMemoryAssembly
{
    /// <summary>
    /// Calls <paramref name="typeName"/>.<paramref name="methodName"/> with the arguments and returns its result.
    /// Results should be strings or arrays of strings, which mean the same in every load context.
    /// </summary>
    public static object? Invoke(Compilation compilation, string typeName, string methodName, params object?[] arguments)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(emitted.Success, "The generated code failed to emit:\n" + DiagnosticText.Format(
            emitted.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList(),
            compilation));

        image.Position = 0;
        var context = new AssemblyLoadContext("generated-" + compilation.AssemblyName, isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(image);
            var method = assembly.GetType(typeName, throwOnError: true)!.GetMethod(methodName)
                ?? throw new InvalidOperationException($"{typeName} has no public method {methodName}.");
            try
            {
                return method.Invoke(null, arguments);
            }
            catch (TargetInvocationException exception) when (exception.InnerException is not null)
            {
                Assert.Fail($"{typeName}.{methodName} threw: {exception.InnerException}");
                return null;
            }
        }
        finally
        {
            context.Unload();
        }
    }
}
