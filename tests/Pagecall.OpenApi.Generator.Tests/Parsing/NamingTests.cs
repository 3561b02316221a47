using Pagecall.OpenApi.Generator.Parsing;

namespace Pagecall.OpenApi.Generator.Tests.Parsing;

public sealed class NamingTests
{
    [Theory]
    [InlineData("user_id", "UserId")]
    [InlineData("userId", "UserId")]
    [InlineData("HTTPServer", "HTTPServer")]
    [InlineData("api.v2010.account", "ApiV2010Account")]
    [InlineData("in-progress", "InProgress")]
    [InlineData("1st", "N1st")]
    [InlineData("-created_at", "MinusCreatedAt")]
    [InlineData("+created_at", "PlusCreatedAt")]
    [InlineData("-1", "Minus1")]
    [InlineData("StartTime<", "StartTimeLt")]
    [InlineData("StartTime>", "StartTimeGt")]
    [InlineData("größe", "Größe")]
    [InlineData("名前", "名前")]
    [InlineData("", "Empty")]
    [InlineData("?", "Empty")]
    [InlineData("with space", "WithSpace")]
    public void PascalCaseFollowsTheDocumentedRules(string name, string expected)
    {
        Assert.Equal(expected, Naming.ToPascalCase(name));
    }

    [Theory]
    [InlineData("user_id", "userId")]
    [InlineData("X-Trace-Id", "xTraceId")]
    [InlineData("URL", "url")]
    [InlineData("class", "@class")]
    [InlineData("value", "@value")]
    [InlineData("namespace", "@namespace")]
    [InlineData("1st", "n1st")]
    [InlineData("AccountSid", "accountSid")]
    public void ParameterNamesAreCamelCaseAndEscaped(string name, string expected)
    {
        Assert.Equal(expected, Naming.ToParameterName(name));
    }

    [Theory]
    [InlineData("GET", "/users/{user_id}/rooms", "GetUsersByUserIdRooms")]
    [InlineData("POST", "/streams", "PostStreams")]
    [InlineData("DELETE", "/", "Delete")]
    public void FallbackOperationNamesUseMethodAndPath(string method, string path, string expected)
    {
        Assert.Equal(expected, OperationParser.FallbackName(method, path));
    }

    [Theory]
    [InlineData("Pagecall.Api.PagecallClient", true)]
    [InlineData("A.B", true)]
    [InlineData("PagecallClient", false)]
    [InlineData("My-Api.Client", false)]
    [InlineData("Contoso.class.Client", false)]
    [InlineData("Contoso..Client", false)]
    [InlineData("Contoso.1Api.Client", false)]
    public void ClientNameMustBeADottedIdentifier(string clientName, bool valid)
    {
        Assert.Equal(valid, DocumentParser.ParseClientName(clientName) is not null);
    }
}
