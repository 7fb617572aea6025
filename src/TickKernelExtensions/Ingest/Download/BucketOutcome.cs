using TickKernelExtensions.Ingest.Dukascopy;

namespace TickKernelExtensions.Ingest.Download;

/// <summary>What a download run did with one bucket.</summary>
/// <param name="Bucket">The bucket.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Attempts">Requests made in this run.</param>
/// <param name="HttpStatus">The last HTTP status, or null when no response came.</param>
/// <param name="Bytes">Bytes of the last body received.</param>
/// <param name="Records">Ticks or candles in the stored payload.</param>
/// <param name="Detail">The last error or a note.</param>
public sealed record BucketOutcome(
    DukascopyBucket Bucket, BucketState State, int Attempts, int? HttpStatus, long Bytes, int Records, string? Detail);
