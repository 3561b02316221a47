using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Pagecall.Api;

namespace Pagecall.Emulator.Tests.Contract;

/// <summary>One HTTP exchange as it crossed the wire: the request line and the raw response body.</summary>
public sealed record WireExchange(string Method, string PathAndQuery, int Status, string Body)
{
    /// <summary>The response body parsed as JSON.</summary>
    public JsonNode Json => JsonNode.Parse(Body)
        ?? throw new InvalidOperationException($"{Method} {PathAndQuery} returned status {Status} with the JSON null as its body.");
}

/// <summary>
/// Passes every request on unchanged and stores what was sent and received, so tests can check the raw JSON
/// (timestamp and token formats, envelope keys) that the generated client has already turned into objects.
/// </summary>
public sealed class WireRecorder : DelegatingHandler
{
    private readonly List<WireExchange> _exchanges = [];

    public WireRecorder()
        : base(new SocketsHttpHandler())
    {
    }

    /// <summary>The exchanges so far, oldest first.</summary>
    public IReadOnlyList<WireExchange> Exchanges
    {
        get
        {
            lock (_exchanges)
            {
                return [.. _exchanges];
            }
        }
    }

    /// <summary>The most recent exchange.</summary>
    public WireExchange Last => Exchanges[^1];

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);

        // A buffered body can be read again, so the generated client still sees the whole response.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var exchange = new WireExchange(
            request.Method.Method, request.RequestUri!.PathAndQuery, (int)response.StatusCode, body);
        lock (_exchanges)
        {
            _exchanges.Add(exchange);
        }

        return response;
    }
}

/// <summary>
/// An in-process emulator on a loopback port and the generated <see cref="PagecallClient"/> pointed at it, with a
/// <see cref="WireRecorder"/> between them.
/// </summary>
public sealed class ContractEmulator : IAsyncDisposable
{
    private readonly List<HttpClient> _httpClients = [];

    private ContractEmulator(TestEmulator emulator)
    {
        Emulator = emulator;
        Client = CreateClient(TestEmulator.ApiKey, Recorder);
    }

    public TestEmulator Emulator { get; }

    /// <summary>Records the traffic of <see cref="Client"/>.</summary>
    public WireRecorder Recorder { get; } = new();

    /// <summary>The generated client, sending the key of the first workspace.</summary>
    public IPagecallClient Client { get; }

    public static async Task<ContractEmulator> StartAsync(FaultOptions? faults = null) =>
        new(await TestEmulator.StartAsync(faults));

    /// <summary>Creates a generated client with its own connection pool that sends <paramref name="apiKey"/>.</summary>
    public IPagecallClient CreateClient(string? apiKey, WireRecorder? recorder = null)
    {
        var http = new HttpClient(recorder ?? new WireRecorder()) { BaseAddress = Emulator.Emulator.ApiBaseAddress };
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        _httpClients.Add(http);
        return new PagecallClient(http);
    }

    /// <summary>Adds a session of a room member through the emulator's test hook and returns its id.</summary>
    public string AddSession(string roomId, string userId, bool connected = true) =>
        Emulator.Emulator.AddSession(TestEmulator.ApiKey, roomId, userId, connected);

    public async ValueTask DisposeAsync()
    {
        foreach (var http in _httpClients)
        {
            http.Dispose();
        }

        await Emulator.DisposeAsync();
    }
}

/// <summary>One <see cref="ContractEmulator"/> shared by the tests of a class.</summary>
public sealed class ContractFixture : IAsyncLifetime
{
    private ContractEmulator? _emulator;

    public ContractEmulator Emulator => _emulator ?? throw new InvalidOperationException("The fixture has not started.");

    public async ValueTask InitializeAsync() => _emulator = await ContractEmulator.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
