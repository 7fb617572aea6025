namespace TickKernelExtensions.Modeling.Export;

/// <summary>Where bundles are written and which clock stamps them.</summary>
public sealed record ModelBundleOptions
{
    /// <summary>The folder holding <c>&lt;name&gt;/&lt;version&gt;/</c> bundles; default <c>data/models</c> (relative to the current folder).</summary>
    public string Root { get; init; } = Path.Combine("data", "models");

    /// <summary>The clock of <c>MLmodel</c>'s <c>utc_time_created</c>, the only time in a bundle; default the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Test hook: called with each file's name after it is written into the temporary folder.</summary>
    internal Action<string>? AfterFile { get; init; }
}
