namespace TickKernelExtensions.Tracking;

/// <summary>How a <see cref="FileTrackingStore"/> writes. Every field has a documented default.</summary>
public sealed record FileTrackingStoreOptions
{
    /// <summary>The clock for creation and update times (default <see cref="TimeProvider.System"/>).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The source of experiment ids and run ids (default <see cref="System.Random.Shared"/>; a seeded one makes ids reproducible in tests).</summary>
    public Random? Random { get; init; }
}
