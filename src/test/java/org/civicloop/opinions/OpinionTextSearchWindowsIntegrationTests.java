package org.civicloop.opinions;

import org.springframework.test.context.TestPropertySource;

/**
 * The same pages with the first step's walk cut to the single newest opinion: it cannot fill a page, so every
 * search goes on to the windows (in the suite's database a walk of 5,000 opinions covers them all and ends it).
 */
@TestPropertySource(properties = "civicloop.opinions.text-walk=1")
class OpinionTextSearchWindowsIntegrationTests extends OpinionTextSearchIntegrationTests {
}
