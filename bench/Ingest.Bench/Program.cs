using Ingest.Bench;

// Usage: dotnet run -c Release --project bench/Ingest.Bench -- <benchmark|all> [--rows N] [--threads N] [--work DIR]
IBenchmark[] benchmarks =
[
    new Bi5DecodeBenchmark(),
    new CsvToParquetBenchmark(),
    new ParquetWriteBenchmark(),
    new SimulatorBenchmark(),
];

var name = args.FirstOrDefault() ?? "all";
var selected = name == "all" ? benchmarks : benchmarks.Where(b => b.Name == name).ToArray();
if (selected.Length == 0)
{
    Console.Error.WriteLine("Benchmarks: " + string.Join(", ", benchmarks.Select(b => $"{b.Name} ({b.Description})")) + ", all");
    return 2;
}
var options = BenchOptions.Parse(args.Skip(1).ToArray());
Directory.CreateDirectory(options.WorkDir);
var exit = 0;
foreach (var benchmark in selected)
{
    Console.WriteLine($"== {benchmark.Name}: {benchmark.Description}");
    exit |= await benchmark.RunAsync(options, CancellationToken.None);
}
return exit;
