using DagMaster.Domain.Workflows.Templates;

namespace DagMaster.UnitTests.Domain.Workflows.Templates;

public sealed class TemplateJsonWriterTests
{
    [Fact]
    public void Serialize_ValuesOneAfterAnother_WritesEachAsToJsonDoesAlone()
    {
        var values = new object?[]
        {
            new Dictionary<string, object?> { ["a"] = new List<object?> { 1L, 2.5, "x", null, true }, ["é"] = "<ü>" },
            new Dictionary<string, object?> { ["i"] = 7L },
            new List<object?> { new string('t', 1_000), double.NaN },
            "plain",
            null,
        };
        var writer = new TemplateJsonWriter();

        var written = values.Select(writer.Serialize).ToList();

        written.ShouldBe(values.Select(TemplateValues.ToJson).ToList());
        written[1].ShouldBe("""{"i":7}""");
    }
}
