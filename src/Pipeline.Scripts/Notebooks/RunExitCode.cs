namespace Pipeline.Scripts.Notebooks;

/// <summary>The exit codes of <c>pipeline run</c>.</summary>
public static class RunExitCode
{
    /// <summary>Every cell completed (or <c>--prepare-only</c> / <c>--help-notebook</c> succeeded).</summary>
    public const int Success = 0;

    /// <summary>A cell raised an error (compile error, exception, unsupported directive, worker died).</summary>
    public const int CellFailed = 1;

    /// <summary>A cell ran longer than <c>--execution-timeout</c>; its worker process was killed.</summary>
    public const int CellTimedOut = 2;

    /// <summary>Bad arguments, unknown parameter, a value that does not convert, an unreadable or invalid notebook.</summary>
    public const int UsageOrIo = 3;
}
