namespace Ingest.Bench;

/// <summary>One benchmark: runs ours and its anchor in the same process and prints the ratio.</summary>
internal interface IBenchmark
{
    /// <summary>The name used on the command line.</summary>
    string Name { get; }

    /// <summary>One line for the usage text.</summary>
    string Description { get; }

    /// <summary>Runs the benchmark; returns the process exit code.</summary>
    Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken);
}
