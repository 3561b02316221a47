namespace Pagecall.Provisioning.Cli;

/// <summary>The exit codes of <c>pagecall-provision</c>, listed in docs/cli.md.</summary>
internal static class ExitCodes
{
    /// <summary>The command succeeded: the manifest is valid, the plan has no changes, or every change applied.</summary>
    public const int Success = 0;

    /// <summary>
    /// The API failed or could not be reached, a change failed or was skipped, a file could not be written, or apply
    /// stopped before sending any change because the plan has destructive changes and <c>--allow-destroy</c> was
    /// not given.
    /// </summary>
    public const int Failure = 1;

    /// <summary>The plan has changes. Only <c>plan --detailed-exitcode</c> returns it.</summary>
    public const int ChangesPending = 2;

    /// <summary>
    /// The manifest or the command line is invalid, or the API key is missing. No change was sent, and errors other
    /// than the live checks of the planner are found before any request.
    /// </summary>
    public const int InvalidInput = 3;
}
