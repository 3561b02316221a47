namespace Pagecall.Emulator.State;

/// <summary>
/// The emulator's state for every workspace. Each read or write runs under one lock. A write saves the state
/// file, when there is one, before it returns, so a response is sent only after its change is on disk.
/// Disposing releases the state file's lock.
/// </summary>
internal sealed class EmulatorStore : IDisposable
{
    private readonly Lock _lock = new();
    private readonly StateDocument _state;
    private readonly StateFile? _file;

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

    public void Dispose() => _file?.Dispose();

    public T Read<T>(string workspaceId, Func<WorkspaceData, T> read)
    {
        lock (_lock)
        {
            return read(new WorkspaceData(_state, workspaceId, Clock));
        }
    }

    /// <summary>
    /// Runs a change and saves the state. The change must validate its input before it modifies anything,
    /// because an exception it throws skips the save but does not undo the change.
    /// </summary>
    public T Write<T>(string workspaceId, Func<WorkspaceData, T> change)
    {
        lock (_lock)
        {
            var result = change(new WorkspaceData(_state, workspaceId, Clock));
            _file?.Save(_state);
            return result;
        }
    }

    /// <summary>Reads a room of any workspace, for the join check that runs without an API key.</summary>
    public T ReadRoomGlobally<T>(string roomId, Func<WorkspaceData?, RoomEntity?, T> read)
    {
        lock (_lock)
        {
            var room = _state.Rooms.Find(candidate => candidate.Id == roomId);
            var workspace = room is null ? null : new WorkspaceData(_state, room.WorkspaceId, Clock);
            return read(workspace, room);
        }
    }
}
