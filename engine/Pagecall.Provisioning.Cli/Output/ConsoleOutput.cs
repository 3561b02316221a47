namespace Pagecall.Provisioning.Cli;

/// <summary>
/// The two output streams of the tool and what the terminal supports. Results go to <see cref="Out"/>; diagnostics,
/// progress notes and logs go to <see cref="Error"/>, so redirected standard output holds only the result.
/// </summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="Color">Whether to add ANSI colour codes to standard output.</param>
/// <param name="Interactive">Whether standard output is a terminal outside CI, so progress can redraw a line.</param>
internal sealed record ConsoleOutput(TextWriter Out, TextWriter Error, bool Color, bool Interactive)
{
    /// <summary>
    /// Describes the process console. Colour needs a terminal on standard output and <c>NO_COLOR</c> unset or empty;
    /// a live progress line also needs <c>CI</c> unset or empty.
    /// </summary>
    public static ConsoleOutput FromSystemConsole()
    {
        var terminal = !Console.IsOutputRedirected;
        var color = terminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var interactive = terminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
        return new ConsoleOutput(Console.Out, Console.Error, color, interactive);
    }

    /// <summary>Writes an error message to standard error, prefixed with <c>error:</c>.</summary>
    public void WriteError(string message) => Error.WriteLine($"error: {message}");
}
