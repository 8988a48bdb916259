import { EnvironmentOutlined, PhoneOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../api/types';
import { SiteEnvironmentList } from '../../shared/SiteEnvironmentList';

/** A tel: URI for a number as people type it ("0571-8888 1234" → "tel:057188881234"); null without digits. */
export function telHref(phone: string | null | undefined): string | null {
  const dialable = (phone ?? '').replace(/[^\d+]/g, '');
  return /\d/.test(dialable) ? `tel:${dialable}` : null;
}

/**
 * Map links for an address: a map search by the address (AMap's URI API, which opens the AMap app on a phone that
 * has it and its web map otherwise; Google is not reachable for most of our users) and a geo: URI, which Android
 * hands to whatever map app the phone has. Coordinates are not stored for sites, so both search by address.
 */
export function mapLinks(address: string): { search: string; geo: string } {
  const q = encodeURIComponent(address);
  return {
    search: `https://uri.amap.com/search?keyword=${q}&callnative=1&src=aftercare`,
    geo: `geo:0,0?q=${q}`,
  };
}

/**
 * Where the engineer goes and whom to call there: the site's name and address with a map link, and tap-to-call
 * for the site contact and the requester; the site's environment (machine room, power, lightning protection, adverse
 * conditions, the customer's maintainers) folded below, when the archive has it.
 */
export function SiteCard({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const site = ticket.site;
  const address = site?.address ?? null;
  const links = address ? mapLinks(address) : null;
  const contactTel = telHref(site?.contactPhone);
  const requesterTel = telHref(ticket.requesterPhone);
  return (
    <Card size="small" className="site-card" title={t('phone.siteCard')} data-testid="site-card">
      <Typography.Text strong data-testid="site-name">
        <EnvironmentOutlined /> {site?.name ?? ticket.siteName}
      </Typography.Text>
      {address && (
        <div>
          <Typography.Text type="secondary" data-testid="site-address">
            {address}
          </Typography.Text>
        </div>
      )}
      {site?.deviceLocation && (
        <div>
          <Typography.Text data-testid="device-location">
            {t('phone.deviceAt', { device: ticket.deviceName ?? '', location: site.deviceLocation })}
          </Typography.Text>
        </div>
      )}
      <div className="site-card-links">
        {links && (
          <>
            <Button
              href={links.search}
              target="_blank"
              rel="noopener noreferrer"
              icon={<EnvironmentOutlined />}
              data-testid="site-map"
            >
              {t('phone.openMap')}
            </Button>
            <Button href={links.geo} data-testid="site-geo">
              {t('phone.otherMapApp')}
            </Button>
          </>
        )}
        {contactTel ? (
          <Button
            href={contactTel}
            icon={<PhoneOutlined />}
            aria-label={t('phone.callContact', { name: site?.contactName ?? '' })}
            data-testid="call-contact"
          >
            {t('phone.contact')} {site?.contactName} {site?.contactPhone}
          </Button>
        ) : null}
        {requesterTel ? (
          <Button
            href={requesterTel}
            icon={<PhoneOutlined />}
            aria-label={t('phone.callRequester', { name: ticket.requesterName })}
            data-testid="call-requester"
          >
            {t('phone.requester')} {ticket.requesterName} {ticket.requesterPhone}
          </Button>
        ) : null}
      </div>
      {site?.environment && (
        <Collapse
          ghost
          size="small"
          className="site-card-environment"
          items={[
            {
              key: 'environment',
              label: t('siteEnvironment.title'),
              children: <SiteEnvironmentList environment={site.environment} testId="site-environment" />,
            },
          ]}
          data-testid="site-environment-panel"
        />
      )}
    </Card>
  );
}
