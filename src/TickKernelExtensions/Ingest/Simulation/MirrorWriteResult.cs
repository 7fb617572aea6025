using Microsoft.DotNet.Interactive.Formatting;
using TickKernelExtensions.Display;

namespace TickKernelExtensions.Ingest.Simulation;

/// <summary>What <see cref="MarketSimulator.WriteMirrorAsync"/> did.</summary>
/// <param name="Root">The mirror's root folder (absolute).</param>
/// <param name="FilesWritten">Hour files written because they were absent or held other bytes (0-byte closed hours included).</param>
/// <param name="FilesUnchanged">Hour files that already held exactly the right bytes and were left alone.</param>
/// <param name="FilesRemoved">Stale files deleted at the paths of missing hours (left by a run with other options).</param>
/// <param name="Ticks">Ticks in the mirror's hour files.</param>
/// <param name="Bytes">Bytes of the mirror's hour files.</param>
/// <param name="BytesBySymbol">Bytes of the hour files per canonical symbol.</param>
/// <param name="Manifest">The ground truth, as written to <c>simulation.json</c>.</param>
[TypeFormatterSource(typeof(ResultFormatterSource<MirrorWriteResult>), PreferredMimeTypes = ["text/html"])]
public sealed record MirrorWriteResult(
    string Root,
    int FilesWritten,
    int FilesUnchanged,
    int FilesRemoved,
    long Ticks,
    long Bytes,
    IReadOnlyDictionary<string, long> BytesBySymbol,
    SimulationManifest Manifest);
