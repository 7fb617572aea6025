namespace Pipeline.Scripts.Kernel;

/// <summary>How <c>pipeline kernel start</c> runs.</summary>
public sealed record KernelOptions
{
    /// <summary>The connection file the client wrote. Required.</summary>
    public required string ConnectionFile { get; init; }

    /// <summary>The cells' working directory and the base of relative <c>#r</c>/<c>#load</c>. Default: the current directory (Jupyter starts kernels in the notebook's folder).</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>How long the worker process may take to start (Roslyn's warm-up included). Default: 60 s.</summary>
    public TimeSpan WorkerStartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
