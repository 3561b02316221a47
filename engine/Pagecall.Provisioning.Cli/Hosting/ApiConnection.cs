using Pagecall.Emulator;
using Pagecall.Provisioning.Live;

namespace Pagecall.Provisioning.Cli.Hosting;

/// <summary>
/// An open connection target: the API base address, the key and the invite link base. With the emulator option it
/// owns the in-process emulator, which stops on dispose.
/// </summary>
internal sealed class ApiConnection : IAsyncDisposable
{
    /// <summary>The emulator's data file, relative to the current folder, so repeated commands see one workspace.</summary>
    public static readonly string EmulatorDataFile = Path.Combine(".pagecall", "emulator.json");

    /// <summary>
    /// The key of the local emulator's workspace. It is fixed so that the data file maps every run to the same
    /// workspace, and it is accepted only by that emulator.
    /// </summary>
    public const string EmulatorApiKey = "pagecall-provision-local";

    private readonly PagecallEmulator? _emulator;

    private ApiConnection(Uri apiBaseAddress, SensitiveValue apiKey, Uri meetBaseAddress, PagecallEmulator? emulator)
    {
        ApiBaseAddress = apiBaseAddress;
        ApiKey = apiKey;
        MeetBaseAddress = meetBaseAddress;
        _emulator = emulator;
    }

    /// <summary>The API base address, ending in '/'.</summary>
    public Uri ApiBaseAddress { get; }

    public SensitiveValue ApiKey { get; }

    /// <summary>The base of invite links, such as <c>https://app.pagecall.com/meet</c>.</summary>
    public Uri MeetBaseAddress { get; }

    /// <summary>
    /// Opens the target of <paramref name="request"/>. With the emulator option, starts the emulator on a free
    /// loopback port and writes its address to standard error.
    /// </summary>
    /// <exception cref="EmulatorStartupException">The emulator's data file cannot be read or created.</exception>
    public static async Task<ApiConnection> OpenAsync(
        ConnectionRequest request, ConsoleOutput console, CancellationToken cancellationToken)
    {
        if (!request.UseEmulator)
        {
            return new ApiConnection(request.ApiBaseAddress!, request.ApiKey!.Value, request.MeetBaseAddress!, null);
        }

        CreateDataFolder();
        var dataFile = Path.GetFullPath(EmulatorDataFile);
        var emulator = await PagecallEmulator.StartAsync(
            new EmulatorOptions
            {
                ApiKeys = [EmulatorApiKey],
                DataFile = dataFile,
                Urls = ["http://127.0.0.1:0"],
            },
            cancellationToken).ConfigureAwait(false);
        console.Error.WriteLine(
            $"Using the local Pagecall emulator at {emulator.ApiBaseAddress} with data in {dataFile}.");
        return new ApiConnection(
            emulator.ApiBaseAddress,
            new SensitiveValue(EmulatorApiKey),
            request.MeetBaseAddress ?? emulator.MeetAddress,
            emulator);
    }

    /// <summary>
    /// Creates the emulator's data folder with a <c>.gitignore</c> that ignores everything in it, because the data
    /// file contains access tokens. An existing folder is left as it is.
    /// </summary>
    /// <exception cref="EmulatorStartupException">The folder or its .gitignore cannot be created.</exception>
    private static void CreateDataFolder()
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(EmulatorDataFile))!;
        if (Directory.Exists(folder))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, ".gitignore"), "*\n");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new EmulatorStartupException(
                $"The data folder '{folder}' cannot be created: {exception.Message}", exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
