namespace Pagecall.Emulator;

/// <summary>The emulator cannot start, for example because its state file is unreadable.</summary>
public sealed class EmulatorStartupException(string message, Exception? innerException = null)
    : Exception(message, innerException);
