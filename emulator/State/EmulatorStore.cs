namespace Pagecall.Emulator.State;

/// <summary>
/// The emulator's state for every workspace. Each read or write of the state runs under one lock. With a state
/// file, a write returns only after a file write that includes its change has finished, so a response is sent
/// only after its change is on disk. Writes share file writes (group commit): the changes made while one file
/// write is in progress are all saved by the next single file write. Disposing releases the state file's lock.
/// </summary>
internal sealed class EmulatorStore : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Lock _saveLock = new();
    private readonly StateDocument _state;
    private readonly StateFile? _file;

    // Number of changes made so far, guarded by _lock.
    private long _changeCount;

    // Number of changes that the last finished file write includes, written under _saveLock.
    private long _savedChangeCount;

    public EmulatorStore(StateFile? file, TimeProvider clock)
    {
        _file = file;
        Clock = clock;
        try
        {
            _state = file?.LoadOrCreate() ?? new StateDocument();
        }
        catch
        {
            // LoadOrCreate may fail after it took the lock, such as on a file that does not parse.
            file?.Dispose();
            throw;
        }
    }

    public TimeProvider Clock { get; }

    /// <summary>Number of changes made since start, for tests that wait until concurrent writes have run.</summary>
    internal long ChangeCount
    {
        get
        {
            lock (_lock)
            {
                return _changeCount;
            }
        }
    }

    public void Dispose() => _file?.Dispose();

    /// <summary>
    /// Runs a read. When the state it read contains changes that are not on disk yet, it waits until they are,
    /// so no response shows a change that a kill could still lose.
    /// </summary>
    public T Read<T>(string workspaceId, Func<WorkspaceData, T> read)
    {
        T result;
        long seenChangeCount;
        lock (_lock)
        {
            result = read(new WorkspaceData(_state, workspaceId, Clock));
            seenChangeCount = _changeCount;
        }

        WaitUntilSaved(seenChangeCount);
        return result;
    }

    /// <summary>
    /// Runs a change and returns once the state file contains it. The change must validate its input before it
    /// modifies anything, because an exception it throws skips the save but does not undo the change.
    /// </summary>
    /// <exception cref="IOException">The state file could not be written. The change stays in memory.</exception>
    public T Write<T>(string workspaceId, Func<WorkspaceData, T> change)
    {
        T result;
        long changeNumber;
        lock (_lock)
        {
            result = change(new WorkspaceData(_state, workspaceId, Clock));
            changeNumber = ++_changeCount;
        }

        WaitUntilSaved(changeNumber);
        return result;
    }

    /// <summary>Reads a room of any workspace, for the join check that runs without an API key.</summary>
    public T ReadRoomGlobally<T>(string roomId, Func<WorkspaceData?, RoomEntity?, T> read)
    {
        T result;
        long seenChangeCount;
        lock (_lock)
        {
            var room = _state.Rooms.Find(candidate => candidate.Id == roomId);
            var workspace = room is null ? null : new WorkspaceData(_state, room.WorkspaceId, Clock);
            result = read(workspace, room);
            seenChangeCount = _changeCount;
        }

        WaitUntilSaved(seenChangeCount);
        return result;
    }

    /// <summary>
    /// Returns once a finished file write includes the first <paramref name="changeNumber"/> changes. One caller
    /// at a time writes the file, and it writes every change made so far. The callers that waited meanwhile find
    /// their changes included and return without a file write of their own.
    /// </summary>
    private void WaitUntilSaved(long changeNumber)
    {
        if (_file is null || Volatile.Read(ref _savedChangeCount) >= changeNumber)
        {
            return;
        }

        lock (_saveLock)
        {
            if (_savedChangeCount >= changeNumber)
            {
                return;
            }

            // Serializing under the state lock takes a consistent copy. The slow disk write runs without that lock,
            // so other requests keep making changes, and the next file write includes them.
            byte[] content;
            long includedChangeCount;
            lock (_lock)
            {
                content = StateFile.Serialize(_state);
                includedChangeCount = _changeCount;
            }

            _file.Write(content);
            Volatile.Write(ref _savedChangeCount, includedChangeCount);
        }
    }
}
