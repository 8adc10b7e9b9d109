using System.Text.Json;
using System.Text.Json.Serialization;
using Interview.Api.Evaluation;
using Interview.Api.Hosting;
using Interview.Api.Interviewer;
using Interview.Api.Page;
using Interview.Api.Security;
using Interview.Api.Sessions;
using Interview.Api.Speech;
using Interview.Api.Storage;

// The slim builder skips what a custom handler never uses (HTTPS setup, extra log providers): a faster cold start.
var builder = WebApplication.CreateSlimBuilder(args);

builder.AddFunctionsHosting();
builder.AddTelemetry();
builder.AddInterviewStorage();
builder.AddInterviewer();
builder.AddSpeech();
builder.AddEvaluation();
builder.AddSecurity();
builder.AddInterviewPage();
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
app.UseSecurity();
app.UseInterviewPage();
app.MapOpenApi("/openapi/v1.json");
app.MapHealth();
app.MapSessionApi();
app.MapEvaluationApi();
app.MapAdminApi();

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
