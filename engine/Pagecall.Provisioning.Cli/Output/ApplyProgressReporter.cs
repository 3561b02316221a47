using Pagecall.Provisioning.Apply;
using Pagecall.Provisioning.Rendering;

namespace Pagecall.Provisioning.Cli;

/// <summary>
/// Shows the outcome of each change as the applier reports it. Outside a terminal, or in CI, it writes one line per
/// outcome. On a terminal it redraws one status line with the counts and writes a line only for failed and skipped
/// changes. The applier may report from several threads at once, so every write takes a lock.
/// </summary>
internal sealed class ApplyProgressReporter : IProgress<ChangeOutcome>
{
    private const string ClearLine = "\r\u001b[2K";

    private readonly Lock _lock = new();
    private readonly ConsoleOutput _console;
    private readonly TextWriter _writer;
    private readonly bool _live;
    private readonly int _total;
    private int _succeeded;
    private int _failed;
    private int _skipped;
    private bool _completed;

    /// <param name="console">The console to write to.</param>
    /// <param name="total">The number of changes the plan will apply, shown in the status line.</param>
    /// <param name="linesToError">Write the lines to standard error, because standard output carries JSON.</param>
    public ApplyProgressReporter(ConsoleOutput console, int total, bool linesToError)
    {
        _console = console;
        _total = total;
        _live = console.Interactive && !linesToError;
        _writer = linesToError ? console.Error : console.Out;
    }

    public void Report(ChangeOutcome value)
    {
        lock (_lock)
        {
            switch (value.Status)
            {
                case ChangeStatus.Succeeded: _succeeded++; break;
                case ChangeStatus.Failed: _failed++; break;
                default: _skipped++; break;
            }

            if (!_live)
            {
                _writer.WriteLine(FormatOutcome(value, color: false));
                return;
            }

            _writer.Write(ClearLine);
            if (value.Status != ChangeStatus.Succeeded)
            {
                _writer.WriteLine(FormatOutcome(value, _console.Color));
            }

            var status = $"Applying: {_succeeded + _failed + _skipped} of {_total} done, {_succeeded} succeeded, "
                + $"{_failed} failed, {_skipped} skipped. Last: {value.Change.Address}";
            _writer.Write(FitToWidth(status));
            _writer.Flush();
        }
    }

    /// <summary>Removes the status line, so the summary starts on a clean line. Later calls do nothing.</summary>
    public void Complete()
    {
        lock (_lock)
        {
            if (_live && !_completed)
            {
                _writer.Write(ClearLine);
                _writer.Flush();
            }

            _completed = true;
        }
    }

    /// <summary>
    /// Cuts the status line to the terminal width, because a line that wraps cannot be redrawn with a carriage
    /// return.
    /// </summary>
    private static string FitToWidth(string line)
    {
        int width;
        try
        {
            width = Console.WindowWidth;
        }
        catch (IOException)
        {
            return line;
        }

        return width > 1 && line.Length >= width ? line[..(width - 1)] : line;
    }

    /// <summary>
    /// Formats one outcome, such as <c>failed    create room["Demo"]: message</c>. The line has the status padded to
    /// one width, the action, the address, the live id when known, and the applier's message.
    /// </summary>
    public static string FormatOutcome(ChangeOutcome outcome, bool color)
    {
        var status = StatusName(outcome.Status).PadRight(9);
        if (color)
        {
            status = $"{StatusColor(outcome.Status)}{status}\u001b[0m";
        }

        var id = outcome.LiveId is null ? "" : $" ({outcome.LiveId})";
        var message = string.IsNullOrEmpty(outcome.Message) ? "" : $": {outcome.Message}";
        return $"{status} {PlanVocabulary.ActionName(outcome.Change.Action)} {outcome.Change.Address}{id}{message}";
    }

    /// <summary>Returns the status name used in text and JSON output.</summary>
    public static string StatusName(ChangeStatus status) => status switch
    {
        ChangeStatus.Succeeded => "succeeded",
        ChangeStatus.Failed => "failed",
        _ => "skipped",
    };

    private static string StatusColor(ChangeStatus status) => status switch
    {
        ChangeStatus.Succeeded => "\u001b[32m",
        ChangeStatus.Failed => "\u001b[31m",
        _ => "\u001b[33m",
    };
}
