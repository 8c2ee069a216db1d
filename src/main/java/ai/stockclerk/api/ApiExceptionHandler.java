package ai.stockclerk.api;

import ai.stockclerk.agents.alert.AlertInputException;
import ai.stockclerk.agents.guardian.DriftActionException;
import ai.stockclerk.agents.guardian.ReconcileBusyException;
import ai.stockclerk.agents.guardian.TenantNotRunningException;
import ai.stockclerk.channels.ChannelException;
import ai.stockclerk.api.security.TooManyAttemptsException;
import ai.stockclerk.channels.ApiBaseUrlPolicy.DisallowedUrlException;
import ai.stockclerk.store.ConflictException;
import ai.stockclerk.store.NotFoundException;
import ai.stockclerk.tenants.InvalidCredentialsException;
import ai.stockclerk.tenants.PlanLimitException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** The one place where exceptions become problem+json responses. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return problem(HttpStatus.CONFLICT, "conflict", e.getMessage());
  }

  @ExceptionHandler(PlanLimitException.class)
  ProblemDetail planLimit(PlanLimitException e) {
    return problem(HttpStatus.FORBIDDEN, "plan-limit", e.getMessage());
  }

  @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
  ProblemDetail accessDenied(org.springframework.security.access.AccessDeniedException e) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", "not allowed");
  }

  @ExceptionHandler(ForbiddenException.class)
  ProblemDetail forbidden(ForbiddenException e) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
  }

  @ExceptionHandler(InvalidCredentialsException.class)
  ProblemDetail invalidCredentials(InvalidCredentialsException e) {
    return problem(HttpStatus.UNAUTHORIZED, "invalid-credentials", e.getMessage());
  }

  @ExceptionHandler(TooManyAttemptsException.class)
  ResponseEntity<ProblemDetail> tooMany(TooManyAttemptsException e) {
    long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
        .body(problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", e.getMessage()));
  }

  @ExceptionHandler({ReconcileBusyException.class, DriftActionException.class, TenantNotRunningException.class})
  ProblemDetail guardianRefused(RuntimeException e) {
    return problem(HttpStatus.CONFLICT, "conflict", e.getMessage());
  }

  @ExceptionHandler(ChannelException.class)
  ProblemDetail channelFailed(ChannelException e) {
    return problem(HttpStatus.BAD_GATEWAY, "channel-error",
        "the channel did not answer as expected (" + e.failure().name().toLowerCase(java.util.Locale.ROOT) + ")");
  }

  @ExceptionHandler({InvalidRequestException.class, DisallowedUrlException.class, AlertInputException.class})
  ProblemDetail invalid(RuntimeException e) {
    return problem(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage());
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ProblemDetail integrity(DataIntegrityViolationException e) {
    log.debug("Refused by a database constraint", e);
    return problem(HttpStatus.CONFLICT, "conflict", "the change conflicts with existing data");
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (causedByTooLarge(e)) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
          .body(problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", rootMessage(e)));
    }
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-body", readableReason(e)));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "the request has invalid fields");
    List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
        .toList();
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.badRequest()
        .body(problem(HttpStatus.BAD_REQUEST, "invalid-request", "the request has invalid parameters"));
  }

  @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
  ProblemDetail constraintViolation(jakarta.validation.ConstraintViolationException e) {
    return problem(HttpStatus.BAD_REQUEST, "invalid-request", "the request has invalid parameters");
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail illegalArgument(IllegalArgumentException e) {
    return problem(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("Unexpected error while serving a request", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "something went wrong on our side");
  }

  static ProblemDetail problem(HttpStatus status, String type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("https://stockclerk.ai/problems/" + type));
    problem.setTitle(status.getReasonPhrase());
    return problem;
  }

  private static boolean causedByTooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PayloadTooLargeException) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  /** Says what is wrong with the JSON without echoing the body back. */
  private static String readableReason(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    if (cause instanceof tools.jackson.databind.exc.UnrecognizedPropertyException u) {
      return "unknown field '" + u.getPropertyName() + "'";
    }
    if (cause instanceof tools.jackson.databind.exc.MismatchedInputException m && !m.getPath().isEmpty()) {
      return "field '" + m.getPath().get(m.getPath().size() - 1).getPropertyName() + "' has the wrong type or is missing";
    }
    if (cause instanceof tools.jackson.core.JacksonException) {
      return "the body is not valid JSON";
    }
    return "the body could not be read";
  }
}
