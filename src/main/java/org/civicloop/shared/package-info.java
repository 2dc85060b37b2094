/**
 * Value types and small contracts every module may use: business exceptions, the audit contract
 * that every state-change event fulfils, and navigation entries. No Spring beans live here.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.civicloop.shared;
