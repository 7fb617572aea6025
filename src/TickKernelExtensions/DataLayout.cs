namespace TickKernelExtensions;

/// <summary>
/// Where each data zone lives below the data root (<c>./data</c> by default). See <c>data/README.md</c>.
/// </summary>
/// <param name="Root">The data root.</param>
public sealed record DataLayout(string Root)
{
    /// <summary>The default layout, rooted at <c>./data</c>.</summary>
    public static DataLayout Default { get; } = new("data");

    /// <summary>The folder of mirrored or simulated feeds; the built-in market writes <c>mirror/&lt;source&gt;/</c>.</summary>
    public string Mirrors => Path.Combine(Root, "mirror");

    /// <summary>The mirror of one source, e.g. <c>mirror/builtin-1a2b3c4d</c>.</summary>
    public string MirrorOf(string source) => Path.Combine(Mirrors, source);

    /// <summary>The immutable raw zone.</summary>
    public string Raw => Path.Combine(Root, "raw");

    /// <summary>Typed tick Parquet, Hive-partitioned by symbol and date.</summary>
    public string Ticks => Path.Combine(Root, "parquet", "ticks");

    /// <summary>CSV files refused on import, with their errors.</summary>
    public string Quarantine => Path.Combine(Root, "quarantine");

    /// <summary>The Iceberg warehouse on local disk: <c>lake/&lt;namespace&gt;/&lt;table&gt;/{data,metadata}</c>.</summary>
    public string Lake => Path.Combine(Root, "lake");

    /// <summary>
    /// Local copies of remote table files (S3) that SQL reads with DuckDB: <c>cache/s3/&lt;bucket&gt;/&lt;key&gt;</c>.
    /// Safe to delete; files are fetched again when a query needs them.
    /// </summary>
    public string Cache => Path.Combine(Root, "cache");

    /// <summary>The lakehouse's local bookkeeping (what was published from stage 1): <c>lakehouse/</c>.</summary>
    public string LakehouseState => Path.Combine(Root, "lakehouse");

    /// <summary><c>models/&lt;name&gt;/&lt;version&gt;/</c>: exported model bundles a serving host loads.</summary>
    public string Models => Path.Combine(Root, "models");

    /// <summary><c>demo/</c>: demo (paper) accounts' execution journals, e.g. the serving notebook's <c>demo/06-serve-&lt;symbol&gt;.jsonl</c>.</summary>
    public string Demo => Path.Combine(Root, "demo");

    /// <summary><c>mlruns/</c>: experiment tracking in MLflow's file-store layout (<c>mlflow ui --backend-store-uri data/mlruns</c>).</summary>
    public string MlRuns => Path.Combine(Root, "mlruns");

    /// <summary><c>reports/</c>: stage reports kept as files, e.g. <c>reports/backtest/&lt;model&gt;/&lt;version&gt;/</c> (JSON, offline HTML, the MT5 signal file).</summary>
    public string Reports => Path.Combine(Root, "reports");

    /// <summary><c>datasets/</c>: versioned exports of gold tables, tracked by <c>.dvc</c> files beside them (the data root is the DVC repository).</summary>
    public string Datasets => Path.Combine(Root, "datasets");
}
