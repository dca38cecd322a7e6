using AfterSales.Modules.Visits;

namespace AfterSales.Modules.Tests.Visits;

/// <summary>Seed 001: a visit closes the request when the customer is satisfied, otherwise it goes back to assignment.</summary>
public sealed class SatisfactionRuleShould
{
    [Theory]
    [InlineData(true, 5, "Close")]
    [InlineData(true, 3, "Close")]
    [InlineData(true, 2, "Reopen")]
    [InlineData(false, 5, "Reopen")]
    [InlineData(false, 1, "Reopen")]
    public void CloseOnlyWhatIsSolvedAndRatedAtLeastTheThreshold(bool solved, int satisfaction, string step) =>
        Assert.Equal(step, SatisfactionRule.StepFor(solved, satisfaction));

    [Fact]
    public void TakeAnotherThresholdWhenGiven()
    {
        Assert.False(SatisfactionRule.IsSatisfied(true, 3, threshold: 4));
        Assert.True(SatisfactionRule.IsSatisfied(true, 4, threshold: 4));
    }

    [Fact]
    public void AskForEveryAnswerButTheComment()
    {
        var none = new VisitAnswers().Errors();
        var outOfRange = new VisitAnswers { Solved = true, Overcharged = false, Satisfaction = 6, Comment = new string('x', VisitAnswers.CommentLength + 1) }.Errors();
        var complete = new VisitAnswers { Solved = false, Overcharged = true, Satisfaction = 1 }.Errors();

        Assert.Equal(["Overcharged", "Satisfaction", "Solved"], none.Keys.Order());
        Assert.Equal(["Comment", "Satisfaction"], outOfRange.Keys.Order());
        Assert.Empty(complete);
    }
}
