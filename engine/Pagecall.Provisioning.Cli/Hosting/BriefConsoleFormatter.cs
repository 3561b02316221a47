using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Pagecall.Provisioning.Cli.Hosting;

/// <summary>
/// The log format without <c>--verbose</c>: one line per entry with the level and the message. An exception adds
/// only its type and message, because its stack trace is for debugging and <c>--verbose</c> shows it.
/// </summary>
internal sealed class BriefConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    /// <summary>The name to select in <see cref="ConsoleLoggerOptions.FormatterName"/>.</summary>
    public const string FormatterName = "pagecall-brief";

    public override void Write<TState>(
        in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        textWriter.Write(LevelLabel(logEntry.LogLevel));
        textWriter.Write(": ");
        textWriter.Write(message.ReplaceLineEndings(" "));
        if (logEntry.Exception is { } exception)
        {
            textWriter.Write($" ({exception.GetType().Name}: {exception.Message.ReplaceLineEndings(" ")})");
        }

        textWriter.WriteLine();
    }

    private static string LevelLabel(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };
}
