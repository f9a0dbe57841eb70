-- The services an organisation is registered for (dịch vụ đăng ký): what it provides each
-- year should be among them.
CREATE TABLE registered_services (
    org_code TEXT NOT NULL REFERENCES organizations(code) ON UPDATE CASCADE ON DELETE CASCADE,
    service  TEXT NOT NULL,
    PRIMARY KEY (org_code, service)
);
