namespace TickKernelExtensions.Processing.Cleaning;

/// <summary>Why the cleaner dropped a tick. Each tick is dropped for its first reason, in this order.</summary>
public enum TickDropReason
{
    /// <summary>A bid or ask is NaN or infinite.</summary>
    NonFinite,

    /// <summary>A bid or ask is zero or negative.</summary>
    NonPositive,

    /// <summary>The timestamp lies outside the UTC day the cleaner was created for (a partitioning error upstream).</summary>
    OutsideDay,

    /// <summary>
    /// The timestamp is earlier than a tick already emitted by a previous chunk. Inside one chunk, disorder is
    /// repaired by the stable sort instead.
    /// </summary>
    OutOfOrder,

    /// <summary>The ask is below the bid, under <see cref="CleaningPolicy.Drop"/>.</summary>
    CrossedQuote,

    /// <summary>An exact repeat (timestamp, prices and volumes) of a kept tick, under <see cref="CleaningPolicy.Drop"/>.</summary>
    DuplicateExact,

    /// <summary>A spike caught by the robust filter, under <see cref="CleaningPolicy.Drop"/>.</summary>
    Spike,
}
