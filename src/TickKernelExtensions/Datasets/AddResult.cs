namespace TickKernelExtensions.Datasets;

/// <summary>What <see cref="DvcRepository.AddAsync"/> recorded.</summary>
/// <param name="DvcFile">The <c>.dvc</c> file written (full path).</param>
/// <param name="Output">The output as recorded in it.</param>
/// <param name="Files">Files hashed.</param>
/// <param name="ObjectsStored">Objects newly written to the cache (the rest were already there: deduplicated).</param>
/// <param name="Bytes">Bytes hashed.</param>
public sealed record AddResult(string DvcFile, DvcOutput Output, int Files, int ObjectsStored, long Bytes);
