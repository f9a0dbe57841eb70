//! Official documents out of the data (issue 7): the administrative text of `hoptac-core`
//! laid out in the state's format. Word here; PDF through a
//! [`render::Renderer`] that only the binary links (`hoptac-pdf`).

pub mod docx;
pub mod render;

/// What the tests of both writers share.
#[cfg(test)]
mod fixtures {
    use hoptac_core::official::Issuer;

    /// Tháp Mười's issuer, with a signer.
    pub fn issuer() -> Issuer {
        Issuer {
            parent_body: "Ủy ban nhân dân tỉnh Đồng Tháp".into(),
            body: "Ủy ban nhân dân huyện Tháp Mười".into(),
            symbol: "UBND".into(),
            place: "Tháp Mười".into(),
            signer_authority: "TM. Ủy ban nhân dân".into(),
            signer_title: "Chủ tịch".into(),
            signer_name: "Nguyễn Văn A".into(),
            recipients: vec!["UBND tỉnh;".into()],
        }
    }
}
