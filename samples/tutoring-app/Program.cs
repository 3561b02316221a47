using System.Net.Http.Headers;
using Pagecall.Api;
using Pagecall.Samples.Tutoring;

var builder = WebApplication.CreateSlimBuilder(args);

PagecallSettings settings;
try
{
    settings = PagecallSettings.Read(builder.Configuration);
}
catch (InvalidOperationException exception)
{
    await Console.Error.WriteLineAsync(exception.Message);
    return 1;
}

builder.Services.AddSingleton(settings);
builder.Services.AddTransient<TutoringService>();
builder.Services.ConfigureHttpJsonOptions(
    options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, TutoringJsonContext.Default));

// AddPagecallClient is generated because ASP.NET Core brings Microsoft.Extensions.Http. IHttpClientFactory
// logs request URLs but no header values, so the key in the Authorization header stays out of the logs.
builder.Services.AddPagecallClient(http =>
{
    http.BaseAddress = settings.ApiBaseAddress;
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
});

var app = builder.Build();
app.MapTutoringEndpoints();
await app.RunAsync();
return 0;
