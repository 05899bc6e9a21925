using System.Text;
using DagMaster.Application.Platforms.Common;

namespace DagMaster.UnitTests.Application.Platforms;

public sealed class WebhookSignatureTests
{
    private static readonly DateTimeOffset s_signedAt = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly byte[] s_body = Encoding.UTF8.GetBytes("""{"event":"job.completed"}""");

    [Fact]
    public void Create_WhenSigning_GivesTheTimestampAndTheHmacOfTimestampDotBody()
    {
        var header = WebhookSignature.Create("s3cret", s_signedAt, s_body);

        header.ShouldBe("t=1796558400,v1=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            Encoding.UTF8.GetBytes("s3cret"), Encoding.UTF8.GetBytes("""1796558400.{"event":"job.completed"}"""))));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(299, true)]
    [InlineData(-299, true)]
    [InlineData(301, false)]
    [InlineData(-301, false)]
    public void Verify_WhenCheckedSomeSecondsLater_AcceptsOnlyWithinFiveMinutes(int seconds, bool accepted)
    {
        var header = WebhookSignature.Create("s3cret", s_signedAt, s_body);

        WebhookSignature.Verify("s3cret", header, s_body, s_signedAt.AddSeconds(seconds), WebhookSignature.DefaultTolerance).ShouldBe(accepted);
    }

    [Fact]
    public void Verify_WhenBodyTimestampOrSecretDiffer_Refuses()
    {
        var header = WebhookSignature.Create("s3cret", s_signedAt, s_body);

        WebhookSignature.Verify("s3cret", header, Encoding.UTF8.GetBytes("""{"event":"job.failed"}"""), s_signedAt, TimeSpan.FromMinutes(5)).ShouldBeFalse();
        WebhookSignature.Verify("other", header, s_body, s_signedAt, TimeSpan.FromMinutes(5)).ShouldBeFalse();
        WebhookSignature.Verify("s3cret", header.Replace("t=1796558400", "t=1796558401"), s_body, s_signedAt, TimeSpan.FromMinutes(5)).ShouldBeFalse();
        WebhookSignature.Verify("s3cret", "sha256=abc", s_body, s_signedAt, TimeSpan.FromMinutes(5)).ShouldBeFalse();
        WebhookSignature.Verify("s3cret", null, s_body, s_signedAt, TimeSpan.FromMinutes(5)).ShouldBeFalse();
    }
}
