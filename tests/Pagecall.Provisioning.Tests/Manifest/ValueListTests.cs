using Pagecall.Provisioning.Manifest;

namespace Pagecall.Provisioning.Tests.Manifest;

public sealed class ValueListTests
{
    [Fact]
    public void SameItems_AreEqual()
    {
        ValueList<string> first = ["a", "b"];
        var second = new ValueList<string>(new List<string> { "a", "b" });

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void DifferentOrder_IsNotEqual()
    {
        ValueList<string> first = ["a", "b"];
        ValueList<string> second = ["b", "a"];

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void EmptyExpression_EqualsEmpty()
    {
        ValueList<int> empty = [];

        Assert.Equal(ValueList<int>.Empty, empty);
        Assert.Empty(empty);
    }
}
