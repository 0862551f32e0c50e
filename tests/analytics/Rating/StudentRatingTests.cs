using Repitbot.Analytics.Areas;

namespace Repitbot.Analytics.Tests.Rating;

/// <summary>The rating formula (README, "Student rating") against values worked out by hand.</summary>
public sealed class StudentRatingTests
{
    [Fact]
    public void All_three_parts_weigh_4_4_2()
    {
        // 3 attended, 1 no-show, 1 cancelled by the student 2 h ahead; homework 2 on time, 1 late; scores 80, 90, 70.
        // attendance 3/5 = 60; homework 240/3 = 80; punctuality (3+2)/(3+2 + 1+1+1) = 5/8 = 62.5;
        // rating (4·60 + 4·80 + 2·62.5) / 10 = 685/10 = 68.5 → 69.
        var score = StudentRating.Of(new RatingCounts(Attended: 3, NoShows: 1, CancelledByStudent: 1, LateCancellations: 1,
            HomeworkOnTime: 2, HomeworkLate: 1, Graded: 3, ScoreSum: 240));

        Assert.Equal(new RatingScore(69, 60, 80, 62.5), score);
    }

    [Fact]
    public void Missing_parts_are_left_out_of_the_weights()
    {
        // Only homework: one graded 55, handed in without a due time (on time). (4·55 + 2·100) / 6 = 420/6 = 70.
        var homeworkOnly = StudentRating.Of(new RatingCounts(0, 0, 0, 0, HomeworkOnTime: 1, HomeworkLate: 0, Graded: 1, ScoreSum: 55));
        // Only a no-show: attendance 0/1 = 0, punctuality 0/1 = 0, no homework → 0.
        var noShow = StudentRating.Of(new RatingCounts(0, NoShows: 1, 0, 0, 0, 0, 0, 0));
        // An early cancellation by the student: attendance 0/1 = 0; nothing on time or late → no punctuality; rating 0.
        var earlyCancel = StudentRating.Of(new RatingCounts(0, 0, CancelledByStudent: 1, LateCancellations: 0, 0, 0, 0, 0));

        Assert.Equal(new RatingScore(70, null, 55, 100), homeworkOnly);
        Assert.Equal(new RatingScore(0, 0, null, 0), noShow);
        Assert.Equal(new RatingScore(0, 0, null, null), earlyCancel);
        Assert.Equal(new RatingScore(null, null, null, null), StudentRating.Of(new RatingCounts(0, 0, 0, 0, 0, 0, 0, 0)));
    }

    [Fact]
    public void Halves_round_away_from_zero_and_thirds_stay_exact()
    {
        // attendance 2/3, homework 50, punctuality 2/3: (4·200/3 + 4·50 + 2·200/3) / 10 = (400 + 200) / 10 = 60.
        var thirds = StudentRating.Of(new RatingCounts(Attended: 2, NoShows: 1, 0, 0, 0, 0, Graded: 2, ScoreSum: 100));
        // attendance 1/2 = 50, homework 305/4 = 76.25 (shown 76.3), punctuality 1/2 = 50: (200 + 305 + 100) / 10 = 60.5 → 61.
        var half = StudentRating.Of(new RatingCounts(Attended: 1, NoShows: 1, 0, 0, 0, 0, Graded: 4, ScoreSum: 305));

        Assert.Equal(new RatingScore(60, 66.7, 50, 66.7), thirds);
        Assert.Equal(new RatingScore(61, 50, 76.3, 50), half);
    }
}
