package org.scimsync.client;

/**
 * What a service provider announces at {@code /ServiceProviderConfig}, read defensively (absent
 * flags count as unsupported).
 *
 * @param patchSupported PATCH supported
 * @param bulkSupported {@code /Bulk} supported
 * @param filterSupported filtering supported
 * @param filterMaxResults the most results a filtered list returns, {@code 0} if not announced
 * @param sortSupported sorting supported
 * @param etagSupported ETags supported
 * @param changePasswordSupported password changes supported
 */
public record ServiceProviderInfo(
    boolean patchSupported,
    boolean bulkSupported,
    boolean filterSupported,
    int filterMaxResults,
    boolean sortSupported,
    boolean etagSupported,
    boolean changePasswordSupported) {}
