/**
 * The demonstration: demo mode's guard and notice, and a year of made-up crossings at Iraq's border
 * points loaded at the first start. Sits above the other modules and uses only their public APIs
 * (the register's {@link org.manfadh.bordercontrol.CrossingBacklog}, reference data); no module
 * depends on it. The settings it reads: {@code manfadh.demo} (demo mode), {@code manfadh.demo.data},
 * {@code manfadh.demo.data.scale} and {@code manfadh.demo.data.seed}.
 */
package org.manfadh.demo;
