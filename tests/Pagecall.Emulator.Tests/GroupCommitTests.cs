using System.Text;
using Pagecall.Emulator.State;

namespace Pagecall.Emulator.Tests;

public sealed class GroupCommitTests : IDisposable
{
    private const string WorkspaceId = "workspace";

    private readonly string _folder;
    private readonly GatedStateFile _file;
    private readonly EmulatorStore _store;

    public GroupCommitTests()
    {
        _folder = Directory.CreateTempSubdirectory("pagecall-emulator-").FullName;
        _file = new GatedStateFile(Path.Combine(_folder, "state.json"));
        _store = new EmulatorStore(_file, TimeProvider.System);
    }

    [Fact]
    public async Task WritesDuringFileWriteShareNextOne()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var first = await StartHeldWriteAsync("first", cancellation);
        var later = new[] { "second", "third", "fourth" }
            .Select(userId => Task.Run(() => _store.Write(WorkspaceId, workspace => AddUser(workspace, userId)), cancellation))
            .ToList();
        while (_store.ChangeCount < 4)
        {
            await Task.Delay(10, cancellation);
        }

        Assert.False(first.IsCompleted);
        Assert.All(later, write => Assert.False(write.IsCompleted));

        _file.ReleaseWrites();
        await Task.WhenAll([first, .. later]);

        Assert.Equal(2, _file.Contents.Count);
        Assert.Contains("\"first\"", _file.Contents[0], StringComparison.Ordinal);
        Assert.DoesNotContain("\"second\"", _file.Contents[0], StringComparison.Ordinal);
        foreach (var userId in new[] { "first", "second", "third", "fourth" })
        {
            Assert.Contains($"\"{userId}\"", _file.Contents[1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ReadWaitsForPendingChange()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var write = await StartHeldWriteAsync("pending", cancellation);
        var read = Task.Run(() => _store.Read(WorkspaceId, workspace => workspace.FindUser("pending") is not null), cancellation);
        await Task.Delay(100, cancellation);

        Assert.False(read.IsCompleted);

        _file.ReleaseWrites();

        Assert.True(await read);
        await write;
        Assert.Single(_file.Contents);
    }

    [Fact]
    public void FailedFileWriteIsRetriedByNextWrite()
    {
        _file.FailNextWrite = true;

        Assert.Throws<IOException>(() => _store.Write(WorkspaceId, workspace => AddUser(workspace, "unsaved")));
        _store.Write(WorkspaceId, workspace => AddUser(workspace, "saved"));

        var text = File.ReadAllText(_file.Path);
        Assert.Contains("\"unsaved\"", text, StringComparison.Ordinal);
        Assert.Contains("\"saved\"", text, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _file.ReleaseWrites();
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Starts a write of a new user and returns it once its file write is held.</summary>
    private async Task<Task<string>> StartHeldWriteAsync(string userId, CancellationToken cancellationToken)
    {
        _file.Contents.Clear();
        _file.HoldWrites();
        var write = Task.Run(() => _store.Write(WorkspaceId, workspace => AddUser(workspace, userId)), cancellationToken);
        await _file.WaitForHeldWriteAsync(cancellationToken);
        return write;
    }

    private static string AddUser(WorkspaceData workspace, string userId)
    {
        var now = workspace.Now();
        workspace.AddUser(new UserEntity
        {
            Id = Identifiers.NewObjectId(now),
            WorkspaceId = workspace.WorkspaceId,
            UserId = userId,
            DefaultMemberType = "guest",
            AccessToken = Identifiers.NewAccessToken(),
            CreatedAt = now,
            UpdatedAt = now,
        });
        return userId;
    }

    /// <summary>
    /// A state file that records each content it writes, and can hold a write until the test releases it or
    /// fail the next write.
    /// </summary>
    private sealed class GatedStateFile(string path) : StateFile(path)
    {
        private readonly ManualResetEventSlim _release = new(initialState: true);
        private readonly SemaphoreSlim _heldWriteStarted = new(0);

        public List<string> Contents { get; } = [];

        public bool FailNextWrite { get; set; }

        public void HoldWrites() => _release.Reset();

        public void ReleaseWrites() => _release.Set();

        public Task WaitForHeldWriteAsync(CancellationToken cancellationToken) => _heldWriteStarted.WaitAsync(cancellationToken);

        public override void Write(byte[] content)
        {
            if (FailNextWrite)
            {
                FailNextWrite = false;
                throw new IOException("Simulated disk failure.");
            }

            if (!_release.IsSet)
            {
                _heldWriteStarted.Release();
                _release.Wait();
            }

            base.Write(content);
            lock (Contents)
            {
                Contents.Add(Encoding.UTF8.GetString(content));
            }
        }
    }
}
