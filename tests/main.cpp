// The core tests. Dates in the journal's report are the person's local ones: the tests
// (and the programs they start) run in UTC, so what they expect is the same everywhere.
#define DOCTEST_CONFIG_IMPLEMENT
#include <cstdlib>
#include <ctime>
#include <doctest/doctest.h>

int main(int argc, char** argv) {
    setenv("TZ", "UTC", 1);
    tzset();
    doctest::Context context(argc, argv);
    return context.run();
}
