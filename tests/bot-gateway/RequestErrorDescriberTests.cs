using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Repitbot.Hosting.Errors;

namespace Repitbot.BotGateway.Tests;

public sealed class RequestErrorDescriberTests
{
    [Fact]
    public void A_value_of_the_wrong_type_names_the_field_and_the_expected_type_without_the_sentence_stop()
    {
        var json = new JsonException(
            "The JSON value could not be converted to System.Int32. Path: $.minutes | LineNumber: 0 | BytePositionInLine: 12.",
            "$.minutes", 0, 12);

        var errors = RequestErrorDescriber.Describe(new BadHttpRequestException("Failed to read parameter", json));

        Assert.Equal(["The value is not of the expected type (Int32)."], errors["minutes"]);
    }

    [Fact]
    public void Missing_required_properties_are_each_named()
    {
        var json = new JsonException("JSON deserialization for type 'X' was missing required properties including: 'lessonId', 'studentId'.");

        var errors = RequestErrorDescriber.Describe(new BadHttpRequestException("Failed to read parameter", json));

        Assert.Equal(["lessonId", "studentId"], errors.Keys.Order());
    }
}
