using DagMaster.Application.Platforms.Common;

namespace DagMaster.UnitTests.Application.Platforms;

public sealed class ApiKeysTests
{
    [Fact]
    public void PrefixOf_WhenRandomPartHasUnderscoreNearItsEnd_KeepsOnlyEightRandomCharacters()
    {
        // 43 random characters with a '_' six from the end: cutting at the last '_' plus six kept the whole key.
        const string key = "dm_hub_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789a_cdefg";

        ApiKeys.PrefixOf("hub", key).ShouldBe("dm_hub_AbCdEfGh");
    }

    [Fact]
    public void PrefixOf_WhenManyKeysAreIssued_IsAlwaysThePlatformAndEightCharacters()
    {
        for (var i = 0; i < 2_000; i++)
        {
            var key = ApiKeys.NewKey("my_hub");

            var prefix = ApiKeys.PrefixOf("my_hub", key);

            prefix.Length.ShouldBe("dm_my_hub_".Length + ApiKeys.PrefixRandomLength, key);
            key.ShouldStartWith(prefix);
            (key.Length - prefix.Length).ShouldBe(35, "the hidden part is 35 of the 43 random characters");
        }
    }

    [Fact]
    public void PrefixOf_WhenKeyIsOfAnotherPlatform_Throws()
    {
        var key = ApiKeys.NewKey("other");

        Should.Throw<ArgumentException>(() => ApiKeys.PrefixOf("hub", key));
    }
}
