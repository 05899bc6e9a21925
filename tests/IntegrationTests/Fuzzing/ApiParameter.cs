namespace DagMaster.IntegrationTests.Fuzzing;

/// <summary>A parameter of an operation: where it goes (path, query, header) and its schema type.</summary>
public sealed record ApiParameter(string Name, string In, string? Type);
