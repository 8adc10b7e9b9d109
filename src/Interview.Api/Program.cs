using System.Text.Json;
using System.Text.Json.Serialization;
using Interview.Api.Evaluation;
using Interview.Api.Hosting;
using Interview.Api.Interviewer;
using Interview.Api.Sessions;
using Interview.Api.Speech;
using Interview.Api.Storage;

var builder = WebApplication.CreateBuilder(args);

builder.AddFunctionsHosting();
builder.AddInterviewStorage();
builder.AddInterviewer();
builder.AddSpeech();
builder.AddEvaluation();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
});

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapOpenApi("/openapi/v1.json");
app.MapHealth();
app.MapSessionApi();
app.MapEvaluationApi();

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
