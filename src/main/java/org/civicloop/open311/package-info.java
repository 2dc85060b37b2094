/**
 * The Open311 GeoReport v2 adapter over opinions: partner systems (the 12345 hotline platform, a
 * township app) list the services, send voters' opinions with an API key and follow them by id, in
 * XML or JSON exactly as the specification names things. Depends only on {@code shared} and the
 * {@code opinions} facade.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "opinions"})
package org.civicloop.open311;
