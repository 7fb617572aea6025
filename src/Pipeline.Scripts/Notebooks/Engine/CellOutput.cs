using System.Text.Json.Serialization;

namespace Pipeline.Scripts.Notebooks.Engine;

/// <summary>
/// One output of a cell, shaped like an nbformat 4.5 output (<c>stream</c>, <c>display_data</c>,
/// <c>execute_result</c>, <c>error</c>). The engine publishes these; the notebook writer and the
/// worker protocol serialize them.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "output_type")]
[JsonDerivedType(typeof(StreamOutput), "stream")]
[JsonDerivedType(typeof(DisplayDataOutput), "display_data")]
[JsonDerivedType(typeof(ExecuteResultOutput), "execute_result")]
[JsonDerivedType(typeof(ErrorOutput), "error")]
public abstract record CellOutput;
