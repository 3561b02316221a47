namespace Pagecall.Emulator;

/// <summary>The emulator cannot start, for example because its state file is unreadable.</summary>
public sealed class EmulatorStartupException(string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>
    /// The full path of the state file that another emulator run has locked, or null when the emulator failed to
    /// start for another reason. Callers use it to word their own fix.
    /// </summary>
    public string? LockedStateFile { get; init; }
}
