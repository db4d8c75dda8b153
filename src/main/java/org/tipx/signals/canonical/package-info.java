/**
 * Canonical forms of identifiers, as the signal exchange files them: other modules (recruitment, flows) read contacts
 * and wallets through these same rules so that the same identifier always has the same form everywhere in tipx.
 */
@org.springframework.modulith.NamedInterface("canonical")
package org.tipx.signals.canonical;
