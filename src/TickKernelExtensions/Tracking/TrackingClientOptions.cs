namespace TickKernelExtensions.Tracking;

/// <summary>How a <see cref="TrackingClient"/> records runs. Every field has a documented default.</summary>
public sealed record TrackingClientOptions
{
    /// <summary>
    /// Where runs go (default null: <c>MLFLOW_TRACKING_URI</c> when set, else <see cref="DefaultRoot"/>). An http(s) URI
    /// selects the REST store (credentials from <c>MLFLOW_TRACKING_TOKEN</c> or <c>MLFLOW_TRACKING_USERNAME</c>/<c>PASSWORD</c>);
    /// a folder path or <c>file:</c> URI selects an <c>mlruns/</c> folder.
    /// </summary>
    public string? TrackingUri { get; init; }

    /// <summary>The folder used when no URI is given anywhere (default <c>data/mlruns</c>, relative to the working directory).</summary>
    public string DefaultRoot { get; init; } = Path.Combine("data", "mlruns");

    /// <summary>The clock for run start and end times and metric timestamps (default <see cref="TimeProvider.System"/>).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The <c>mlflow.user</c> tag and run user (default: the OS user name).</summary>
    public string UserName { get; init; } = Environment.UserName;

    /// <summary>The <c>mlflow.source.name</c> tag, e.g. the notebook or command (default empty: no tag).</summary>
    public string SourceName { get; init; } = "";

    /// <summary>The <c>mlflow.source.git.commit</c> tag (default null: no tag).</summary>
    public string? GitCommit { get; init; }

    /// <summary>Options of the file store (default: its defaults with <see cref="TimeProvider"/>).</summary>
    public FileTrackingStoreOptions? File { get; init; }

    /// <summary>Overrides for the REST store (default null: from the environment); its URI wins over <see cref="TrackingUri"/>.</summary>
    public RestTrackingOptions? Rest { get; init; }
}
