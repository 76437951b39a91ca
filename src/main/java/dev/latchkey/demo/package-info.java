/** The fixed demo data of PRODUCT.md, loaded when {@code latchkey.demo=true}. */
package dev.latchkey.demo;
