/* The C ABI used from C: compiled as C99 and linked by the C compiler against
 * libcallcheck_c.so alone. If the header leaked a C++ type, or the library
 * needed the caller to link libstdc++, this program would not build. */
#include <callcheck/callcheck_c.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed = 0;
static int failed = 0;

#define EXPECT(cond)                                                      \
  do {                                                                    \
    if (cond) {                                                           \
      ++passed;                                                           \
    } else {                                                              \
      ++failed;                                                           \
      fprintf(stderr, "%s:%d: expected %s\n", __FILE__, __LINE__, #cond); \
    }                                                                     \
  } while (0)

static char *read_file(const char *path, size_t *length) {
  FILE *f = fopen(path, "rb");
  char *data = NULL;
  long size = 0;
  if (f == NULL) return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
    data = malloc((size_t)size + 1);
    if (data != NULL && fread(data, 1, (size_t)size, f) != (size_t)size) {
      free(data);
      data = NULL;
    }
  }
  fclose(f);
  if (data != NULL) *length = (size_t)size;
  return data;
}

static const char kBad[] = "{\"callbackUri\": \"http://bot.contoso.com/callback\"}";

static void *check_in_thread(void *arg) {
  int i;
  (void)arg;
  for (i = 0; i < 20; ++i) {
    char *report = NULL;
    const int status = callcheck_check(kBad, sizeof kBad - 1, "thread.json", NULL, &report);
    if (status != CALLCHECK_FINDINGS || report == NULL || strstr(report, "\"CC202\"") == NULL) {
      callcheck_free(report);
      return (void *)1;
    }
    callcheck_free(report);
  }
  return NULL;
}

int main(void) {
  char *report = NULL;
  int status;
  size_t length = 0;
  char *body = read_file(CALLCHECK_SAMPLES_DIR "/valid/p2p-service-hosted.json", &length);

  /* version: static, non-empty */
  EXPECT(callcheck_version() != NULL && strlen(callcheck_version()) > 0);

  /* a clean body: status 0, the JSON document with no diagnostics */
  EXPECT(body != NULL);
  status = callcheck_check(body, length, "p2p.json", "{\"api\":\"v1.0\"}", &report);
  EXPECT(status == CALLCHECK_CLEAN);
  EXPECT(report != NULL && strncmp(report, "{\n  \"version\": 1,", 17) == 0);
  EXPECT(report != NULL && strstr(report, "\"path\": \"p2p.json\"") != NULL);
  EXPECT(report != NULL && strstr(report, "\"diagnostics\": []") != NULL);
  EXPECT(report != NULL && strstr(report, "\"kind\": \"peer-to-peer\"") != NULL);
  callcheck_free(report);

  /* granted permissions that do not cover it: CC302 */
  status = callcheck_check(body, length, "p2p.json", "{\"scopes\":[\"Calls.JoinGroupCall.All\"]}", &report);
  EXPECT(status == CALLCHECK_FINDINGS);
  EXPECT(report != NULL && strstr(report, "\"CC302\"") != NULL);
  callcheck_free(report);
  free(body);

  /* a bad body: status 1, the finding with its position */
  status = callcheck_check(kBad, sizeof kBad - 1, NULL, NULL, &report);
  EXPECT(status == CALLCHECK_FINDINGS);
  EXPECT(report != NULL && strstr(report, "\"path\": \"<body>\"") != NULL);
  EXPECT(report != NULL && strstr(report, "\"code\": \"CC202\"") != NULL);
  EXPECT(report != NULL && strstr(report, "\"line\": 1,\n          \"column\": 17,") != NULL);
  callcheck_free(report);

  /* fail_on: a warning-only body is clean at "error", a finding at "warning" */
  {
    static const char kWarn[] = "{\"callbackUri\": \"https://bot.contoso.com/callback\", \"x\": 1, \"x\": 2}";
    status =
        callcheck_check(kWarn, sizeof kWarn - 1, "w.json", "{\"select\":[\"CC201\"],\"fail_on\":\"info\"}", &report);
    EXPECT(status == CALLCHECK_FINDINGS); /* CC002 is always reported */
    callcheck_free(report);
  }

  /* bytes, not C strings: a NUL inside the body is a finding (CC005), not the end */
  {
    static const char kNul[] = "{\"callbackUri\": \"https://a\0b\"}";
    status = callcheck_check(kNul, sizeof kNul - 1, "nul.json", NULL, &report);
    EXPECT(status == CALLCHECK_FINDINGS);
    EXPECT(report != NULL && strstr(report, "\"CC005\"") != NULL);
    callcheck_free(report);
  }

  /* an empty body (NULL, 0) is checked: not JSON */
  status = callcheck_check(NULL, 0, "empty.json", NULL, &report);
  EXPECT(status == CALLCHECK_FINDINGS);
  EXPECT(report != NULL && strstr(report, "\"CC001\"") != NULL);
  callcheck_free(report);

  /* failures: status 2 and {"error": ...}; never a crash */
  status = callcheck_check(kBad, sizeof kBad - 1, "x.json", "{\"scope\":[]}", &report);
  EXPECT(status == CALLCHECK_FAILURE);
  EXPECT(report != NULL &&
         strstr(report, "{\"error\":\"options: unknown member `scope`; did you mean `scopes`?\"}") != NULL);
  callcheck_free(report);
  status = callcheck_check(NULL, 3, "x.json", NULL, &report);
  EXPECT(status == CALLCHECK_FAILURE && report != NULL && strstr(report, "\"error\"") != NULL);
  callcheck_free(report);
  EXPECT(callcheck_check(kBad, sizeof kBad - 1, "x.json", NULL, NULL) == CALLCHECK_FAILURE);

  /* the catalogue */
  report = callcheck_rules_json();
  EXPECT(report != NULL && strstr(report, "\"code\":\"CC202\",\"name\":\"callback-uri-not-https\"") != NULL);
  EXPECT(report != NULL && strstr(report, "\"explanation\":\"## What it does") != NULL);
  callcheck_free(report);
  callcheck_free(NULL);

  /* threads: concurrent calls all see the same result */
  {
    pthread_t threads[4];
    int i;
    int started = 0;
    for (i = 0; i < 4; ++i) {
      if (pthread_create(&threads[i], NULL, check_in_thread, NULL) == 0) ++started;
    }
    EXPECT(started == 4);
    for (i = 0; i < started; ++i) {
      void *result = NULL;
      pthread_join(threads[i], &result);
      EXPECT(result == NULL);
    }
  }

  printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
