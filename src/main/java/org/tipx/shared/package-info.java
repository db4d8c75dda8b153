/**
 * The tiny kernel every module may use: country codes, the acting principal, domain exceptions that the
 * web layer turns into problem details.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.tipx.shared;
