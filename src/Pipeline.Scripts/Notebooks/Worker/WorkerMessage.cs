using System.Text.Json.Serialization;

namespace Pipeline.Scripts.Notebooks.Worker;

/// <summary>
/// One line of the runner's worker protocol: JSON objects, one per line, UTF-8. The parent writes
/// requests to the worker's standard input; the worker answers on its standard output, which
/// carries nothing else (cells' console output is captured and sent as outputs).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteRequest), "execute")]
[JsonDerivedType(typeof(ShutdownRequest), "shutdown")]
[JsonDerivedType(typeof(InterruptRequest), "interrupt")]
[JsonDerivedType(typeof(ReadyMessage), "ready")]
[JsonDerivedType(typeof(OutputMessage), "output")]
[JsonDerivedType(typeof(CompletedMessage), "completed")]
[JsonDerivedType(typeof(ExitingMessage), "exiting")]
public abstract record WorkerMessage;
